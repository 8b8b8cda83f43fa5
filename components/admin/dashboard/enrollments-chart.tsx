import { ChartFrame, ChartLegend, countTicks, percentOf, ValueGrid } from "./chart-parts";
import { formatCount } from "./format";
import type { Row, Series } from "./series";

const AXIS_WIDTH = 48;
const AXIS_HEIGHT = 24;
// At most this many bucket labels under the bars (half of them on a phone); the others are in each bar's tooltip
// and in the table.
const MAX_LABELS = 8;

/** New enrollments per day (or week, or month), stacked by country. */
export function EnrollmentsChart({ rows, series, label, bucketTitle }: { rows: Row[]; series: Series[]; label: string; bucketTitle: string }) {
  const ticks = countTicks(Math.max(0, ...rows.map((r) => Number(r.total ?? 0))));
  const top = ticks.at(-1)!;
  const labelEvery = Math.ceil(rows.length / MAX_LABELS);
  return (
    <>
      <ChartFrame label={label}>
        <ValueGrid ticks={ticks} format={formatCount} left={AXIS_WIDTH} bottom={AXIS_HEIGHT} />
        <div className="absolute right-3 top-0 flex items-end gap-px" style={{ left: AXIS_WIDTH, bottom: AXIS_HEIGHT }}>
          {rows.map((r) => (
            <div
              key={r.label}
              className="flex h-full flex-1 flex-col-reverse hover:bg-slate-400/20"
              title={`${bucketTitle} ${r.label} — ${series.map((s) => `${s.name}: ${formatCount(Number(r[s.key] ?? 0))}`).join(", ")}; total ${formatCount(Number(r.total ?? 0))}`}
            >
              {series.map((s) => (
                <span key={s.key} className="block w-full shrink-0" style={{ height: percentOf(Number(r[s.key] ?? 0), top), background: s.colour }} />
              ))}
            </div>
          ))}
        </div>
        <div aria-hidden="true" className="absolute bottom-0 right-3 flex gap-px" style={{ left: AXIS_WIDTH, height: AXIS_HEIGHT }}>
          {rows.map((r, i) => (
            <span key={r.label} className="relative flex-1">
              {i % labelEvery === 0 && (
                <span className={`absolute left-1/2 top-1 -translate-x-1/2 whitespace-nowrap ${i % (2 * labelEvery) ? "hidden sm:block" : ""}`}>{r.label}</span>
              )}
            </span>
          ))}
        </div>
      </ChartFrame>
      <ChartLegend series={series} />
    </>
  );
}
