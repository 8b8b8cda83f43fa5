/** Staff pages show exact instants in UTC, so two staff members in different zones read the same time. */
export const formatUtc = (d: Date | string | null | undefined) =>
  d ? `${new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(new Date(d))} UTC` : "—";

export const formatCount = (n: number) => new Intl.NumberFormat("en-US").format(n);

export const describeRamp = (steps: { percent: number; afterMinutes: number }[]) =>
  steps.length <= 1 ? "All accounts at the start" : steps.map((s) => `${s.percent}% ${s.afterMinutes === 0 ? "at start" : `after ${+(s.afterMinutes / 60).toFixed(2)} h`}`).join(" → ");
