import type { DashboardFilters } from "../dashboard-filters";
import { dailySeries, sumRollups, type SumRow } from "./load-rollups";

export const funnelSteps = ["enrollment_started", "phone_verified", "device_trusted", "key_confirmed", "two_step_enabled"] as const;
export const challengeMetrics = ["challenge_sent", "challenge_passed", "challenge_failed", "challenge_denied", "challenge_locked"] as const;

type Outcome = "sent" | "passed" | "failed" | "denied" | "locked";
type Range = Pick<DashboardFilters, "from" | "to"> & { countries: string[] | null };
const total = (rows: SumRow[], metric: string) => rows.filter((r) => r.metric === metric).reduce((n, r) => n + r.n, 0);

/** Accounts that turned 2SV on in the range, by method (sms, device, sms+device; later totp, passkey). */
export async function loadMethodMix(range: Range) {
  const rows = await sumRollups({ ...range, metrics: ["two_step_enabled"] });
  const mix = new Map<string, number>();
  for (const r of rows) mix.set(r.method || "unknown", (mix.get(r.method || "unknown") ?? 0) + r.n);
  return [...mix].map(([method, count]) => ({ method, count })).sort((a, b) => b.count - a.count);
}

/** The enable wizard's steps in the range, each with its drop-off from the step before. */
export async function loadFunnel(range: Range) {
  const rows = await sumRollups({ ...range, metrics: [...funnelSteps] });
  return funnelSteps.map((step, i) => {
    const count = total(rows, step);
    const before = i === 0 ? null : total(rows, funnelSteps[i - 1]!);
    return { step, count, dropOff: before ? 1 - count / before : null };
  });
}

/** Second-step outcomes in the range: sent, passed, failed, denied, locked (a failure that made the account wait) — overall and by method. */
export async function loadChallengeOutcomes(range: Range) {
  const rows = await sumRollups({ ...range, metrics: [...challengeMetrics] });
  return {
    totals: Object.fromEntries(challengeMetrics.map((m) => [m.replace("challenge_", ""), total(rows, m)])) as Record<Outcome, number>,
    byMethod: [...new Set(rows.map((r) => r.method || "unknown"))].map((method) => ({
      method,
      ...(Object.fromEntries(challengeMetrics.map((m) => [m.replace("challenge_", ""), rows.filter((r) => r.metric === m && (r.method || "unknown") === method).reduce((n, r) => n + r.n, 0)])) as Record<Outcome, number>),
    })),
  };
}

/** Texts delivered and failed per destination country in the range. */
export async function loadSmsDelivery(range: Range) {
  const rows = await sumRollups({ ...range, metrics: ["sms_sent", "sms_failed"] });
  const byCountry = new Map<string, { sent: number; failed: number }>();
  for (const r of rows) {
    const e = byCountry.get(r.country) ?? { sent: 0, failed: 0 };
    if (r.metric === "sms_sent") e.sent += r.n;
    else e.failed += r.n;
    byCountry.set(r.country, e);
  }
  return [...byCountry]
    .map(([country, e]) => ({ country, ...e, successRate: e.sent + e.failed ? e.sent / (e.sent + e.failed) : null }))
    .sort((a, b) => b.sent + b.failed - (a.sent + a.failed));
}

/** New enrollments per day in the range for the `top` countries with most, the rest summed as "Other". */
export async function loadEnrollmentsOverTime(range: Range, top = 6) {
  const rows = await dailySeries({ ...range, metrics: ["two_step_enabled"] });
  const perCountry = new Map<string, number>();
  for (const r of rows) perCountry.set(r.country, (perCountry.get(r.country) ?? 0) + r.n);
  const leaders = [...perCountry].sort((a, b) => b[1] - a[1]).slice(0, top).map(([c]) => c);
  const days = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const key = leaders.includes(r.country) ? r.country : "Other";
    const day = days.get(r.day) ?? {};
    day[key] = (day[key] ?? 0) + r.n;
    days.set(r.day, day);
  }
  return { series: perCountry.size > top ? [...leaders, "Other"] : leaders, points: [...days].map(([day, values]) => ({ day, ...values })) };
}
