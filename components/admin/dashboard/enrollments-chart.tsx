import { ChartFrame, ChartLegend, countTicks, percentOf, ValueGrid } from "./chart-parts";
import { formatCount } from "./format";
import { PlotTooltip } from "./plot-tooltip";
import { BUCKET_HEADINGS, type Bucket, type Row, type Series } from "./series";

const AXIS_WIDTH = 48;
const AXIS_HEIGHT = 24;
// The plot area ends this far from the frame's right edge (right-3).
const RIGHT = 12;
// At most this many bucket labels under the bars (half of them on a phone); the others are in the tooltip and in
// the table.
const MAX_LABELS = 8;
// Each bar leaves this share of its slot empty, half on either side, so neighbours stay apart.
const BAR_GAP = 0.12;

const countOf = (row: Row, s: Series) => Number(row[s.key] ?? 0);
const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Every bar's segment of one series as a single SVG path, in plot units: bar i spans i…i+1 across, counts go up
 * from 0 (drawn upwards as negative y). One path per series instead of an element per bar and series.
 */
export function segmentsPath(rows: Row[], series: Series[], index: number) {
  return rows
    .flatMap((row, i) => {
      const value = countOf(row, series[index]!);
      if (value <= 0) return [];
      const base = series.slice(0, index).reduce((sum, s) => sum + countOf(row, s), 0);
      return [`M${round(i + BAR_GAP / 2)} ${-base}v${-value}h${1 - BAR_GAP}v${value}z`];
    })
    .join("");
}

/** New enrollments per day (or week, or month), stacked by country. */
export function EnrollmentsChart({ rows, series, label, bucket }: { rows: Row[]; series: Series[]; label: string; bucket: Bucket }) {
  const ticks = countTicks(Math.max(0, ...rows.map((r) => Number(r.total ?? 0))));
  const top = ticks.at(-1)!;
  const labelEvery = Math.ceil(rows.length / MAX_LABELS);
  return (
    <>
      <ChartFrame
        label={label}
        overlay={
          <PlotTooltip
            label={`Figures by ${bucket}`}
            layout={{ kind: "bands" }}
            plot={{ left: AXIS_WIDTH, bottom: AXIS_HEIGHT }}
            heading={{ before: BUCKET_HEADINGS[bucket] }}
            labels={rows.map((r) => r.label)}
            series={series.map(({ name, colour }) => ({ name, colour }))}
            values={rows.map((r) => series.map((s) => countOf(r, s)))}
            unit="count"
            withTotal
          />
        }
      >
        <ValueGrid ticks={ticks} format={formatCount} left={AXIS_WIDTH} bottom={AXIS_HEIGHT} />
        <svg
          aria-hidden="true"
          viewBox={`0 ${-top} ${Math.max(1, rows.length)} ${top}`}
          preserveAspectRatio="none"
          className="absolute right-3 top-0"
          // An SVG does not stretch between left and right like a div: its box is sized outright.
          style={{ width: `calc(100% - ${AXIS_WIDTH + RIGHT}px)`, height: `calc(100% - ${AXIS_HEIGHT}px)` }}
        >
          {series.map((s, i) => (
            <path key={s.key} d={segmentsPath(rows, series, i)} fill={s.colour} />
          ))}
        </svg>
        <div aria-hidden="true" className="absolute bottom-0 right-3" style={{ left: AXIS_WIDTH, height: AXIS_HEIGHT }}>
          {rows.map((r, i) =>
            i % labelEvery === 0 ? (
              <span
                key={r.label}
                className={`absolute top-1 -translate-x-1/2 whitespace-nowrap ${i % (2 * labelEvery) ? "hidden sm:block" : ""}`}
                style={{ left: percentOf(i + 0.5, rows.length) }}
              >
                {r.label}
              </span>
            ) : null,
          )}
        </div>
      </ChartFrame>
      <ChartLegend series={series} />
    </>
  );
}
