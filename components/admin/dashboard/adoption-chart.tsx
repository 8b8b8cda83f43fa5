import { ChartFrame, ChartLegend, evenTicks, percentOf, ValueGrid } from "./chart-parts";
import { PlotTooltip } from "./plot-tooltip";
import type { Row, Series } from "./series";

const DAY_TICKS = [0, 30, 60, 90, 120, 150, 180];
const LAST_DAY = 180;
const AXIS_WIDTH = 48;
const AXIS_HEIGHT = 40;

const rateOf = (row: Row | undefined, s: Series) => (row?.[s.key] === undefined ? undefined : Number(row[s.key]));

/** One line per wave: enrollment rate (%) by days since that wave's launch. */
export function AdoptionChart({ rows, series, label }: { rows: Row[]; series: Series[]; label: string }) {
  const max = Math.max(0, ...rows.flatMap((r) => series.map((s) => rateOf(r, s) ?? 0)));
  // 0 up to the next multiple of 10 above the highest rate (at least 10%, at most 100%).
  const ticks = evenTicks(Math.min(100, Math.max(10, Math.ceil(max / 10) * 10)));
  const top = ticks.at(-1)!;
  const y = (rate: number) => 100 - (100 * rate) / top;
  return (
    <>
      <ChartFrame
        label={label}
        overlay={
          <PlotTooltip
            label="Figures by day since launch"
            layout={{ kind: "points", span: LAST_DAY }}
            plot={{ left: AXIS_WIDTH, bottom: AXIS_HEIGHT }}
            heading={{ before: "Day", after: " since launch" }}
            series={series.map(({ name, colour }) => ({ name, colour }))}
            values={rows.map((r) => series.map((s) => rateOf(r, s) ?? null))}
            unit="percent"
          />
        }
      >
        <ValueGrid ticks={ticks} format={(v) => `${v}%`} left={AXIS_WIDTH} bottom={AXIS_HEIGHT} />
        <div className="absolute right-3 top-0" style={{ left: AXIS_WIDTH, bottom: AXIS_HEIGHT }}>
          {/* Stretched to the plot area; strokes keep their width (non-scaling-stroke). */}
          <svg aria-hidden="true" viewBox={`0 0 ${LAST_DAY} 100`} preserveAspectRatio="none" className="absolute inset-0 h-full w-full overflow-visible">
            {series.map((s) => {
              const points = rows.flatMap((r, day) => {
                const rate = rateOf(r, s);
                return rate === undefined ? [] : [`${day},${y(rate)}`];
              });
              return <polyline key={s.key} points={points.join(" ")} fill="none" stroke={s.colour} strokeWidth={2.5} strokeDasharray={s.dash} strokeLinejoin="round" vectorEffect="non-scaling-stroke" />;
            })}
          </svg>
          {/* A wave launched in the last few days has too few points for a line: a dot per point. */}
          {series.flatMap((s) => {
            const days = rows.flatMap((r, day) => (rateOf(r, s) === undefined ? [] : [day]));
            if (days.length >= 3) return [];
            return days.map((day) => (
              <span
                key={`${s.key}-${day}`}
                aria-hidden="true"
                className="absolute h-2 w-2 -translate-x-1/2 translate-y-1/2 rounded-full"
                style={{ left: percentOf(day, LAST_DAY), bottom: percentOf(rateOf(rows[day], s)!, top), background: s.colour }}
              />
            ));
          })}
        </div>
        <div aria-hidden="true" className="absolute bottom-0 right-3" style={{ left: AXIS_WIDTH, height: AXIS_HEIGHT }}>
          {DAY_TICKS.map((d) => (
            <span key={d} className="absolute top-1 -translate-x-1/2 tabular-nums" style={{ left: percentOf(d, LAST_DAY) }}>
              {d}
            </span>
          ))}
          <span className="absolute bottom-0 left-1/2 -translate-x-1/2 whitespace-nowrap">Days since launch</span>
        </div>
      </ChartFrame>
      <ChartLegend series={series} />
    </>
  );
}
