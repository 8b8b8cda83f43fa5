import { addDays, daysBetween } from "@/lib/analytics/dashboard-filters";
import type { AdoptionCurve } from "@/lib/analytics/queries/adoption-curves";
import { formatDay } from "./format";
import { DASHES, OTHER_COLOUR, seriesColour } from "./palette";

/** Pure shaping of the loaders' output into plain, serialisable chart rows. */

export interface Series {
  key: string;
  name: string;
  colour: string;
  dash?: string;
}

export type Row = { label: string } & Record<string, number | string>;

/** One row per day since launch, one column (`w<id>`, rate in %) per wave. Waves launched later stop earlier. */
export function adoptionRows(curves: AdoptionCurve[]) {
  const series: Series[] = curves.map((c, i) => ({ key: `w${c.waveId}`, name: c.wave, colour: seriesColour(i), dash: DASHES[i % DASHES.length] }));
  const lastDay = Math.max(0, ...curves.map((c) => c.points.length - 1));
  const rows: Row[] = [];
  for (let day = 0; day <= lastDay; day++) {
    const row: Row = { label: String(day), day };
    curves.forEach((c, i) => {
      const point = c.points[day];
      if (point) row[series[i]!.key] = Math.round(point.rate * 1000) / 10;
    });
    rows.push(row);
  }
  return { series, rows, lastDay };
}

/** The days since launch the table alternative lists (the whole curve would be 181 rows). */
export const adoptionTableDays = (lastDay: number) => [...new Set([0, 1, 7, 14, 30, 60, 90, 120, 150, 180].filter((d) => d <= lastDay).concat(lastDay))];

export type Bucket = "day" | "week" | "month";

/** What a bucket's label is preceded by in a heading: "Day 3 Nov", "Week of 3 Nov", "Month Nov". */
export const BUCKET_HEADINGS: Record<Bucket, string> = { day: "Day", week: "Week of", month: "Month" };

/** Days for up to three months, weeks for up to two years, months beyond: a readable number of bars. */
export const bucketFor = (from: string, to: string): Bucket => {
  const days = daysBetween(from, to) + 1;
  return days <= 92 ? "day" : days <= 731 ? "week" : "month";
};

function bucketStart(day: string, from: string, bucket: Bucket) {
  if (bucket === "day") return day;
  if (bucket === "week") return addDays(from, Math.floor(daysBetween(from, day) / 7) * 7);
  return `${day.slice(0, 7)}-01`;
}

function bucketLabel(start: string, bucket: Bucket, sameYear: boolean) {
  if (bucket === "month") return formatDay(start).replace(/^\d+ /, "");
  return formatDay(start, !sameYear);
}

/**
 * Enrollments per country in every day (or week, or month) of the range, zeros included, stacked by series
 * (the loader's top countries, then "Other"). Each row also carries its `total`.
 */
export function enrollmentRows({ from, to, seriesCodes, points, nameOf }: { from: string; to: string; seriesCodes: string[]; points: ({ day: string } & Record<string, number | string>)[]; nameOf: (code: string) => string }) {
  const bucket = bucketFor(from, to);
  const series: Series[] = seriesCodes.map((code, i) => ({ key: code, name: code === "Other" ? "Other countries" : nameOf(code), colour: code === "Other" ? OTHER_COLOUR : seriesColour(i) }));
  const rows = new Map<string, Row>();
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const start = bucketStart(day, from, bucket);
    if (!rows.has(start)) rows.set(start, { label: bucketLabel(start, bucket, from.slice(0, 4) === to.slice(0, 4)), start, total: 0, ...Object.fromEntries(seriesCodes.map((c) => [c, 0])) });
  }
  for (const point of points) {
    const row = rows.get(bucketStart(point.day, from, bucket));
    if (!row) continue;
    for (const code of seriesCodes) {
      const n = Number(point[code] ?? 0);
      row[code] = Number(row[code]) + n;
      row.total = Number(row.total) + n;
    }
  }
  return { bucket, series, rows: [...rows.values()] };
}
