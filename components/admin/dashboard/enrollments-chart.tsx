"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { axisProps, ChartFrame, ChartLegend, ChartTooltip, gridProps } from "./chart-parts";
import { formatCount } from "./format";
import type { Row, Series } from "./series";

/** New enrollments per day (or week, or month), stacked by country. */
export function EnrollmentsChart({ rows, series, label, bucketTitle }: { rows: Row[]; series: Series[]; label: string; bucketTitle: string }) {
  return (
    <>
      <ChartFrame label={label}>
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 288 }}>
          <BarChart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid {...gridProps} vertical={false} />
            <XAxis {...axisProps} dataKey="label" interval="preserveStartEnd" minTickGap={24} />
            <YAxis {...axisProps} width={48} allowDecimals={false} tickFormatter={formatCount} />
            <Tooltip
              cursor={{ fill: "currentColor", fillOpacity: 0.08 }}
              content={({ active, payload, label }) => <ChartTooltip active={active} payload={payload} label={label} format={formatCount} title={(l) => `${bucketTitle} ${String(l)}`} />}
            />
            {series.map((s) => (
              <Bar key={s.key} dataKey={s.key} name={s.name} stackId="enrollments" fill={s.colour} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </ChartFrame>
      <ChartLegend series={series} />
    </>
  );
}
