import { and, eq, gt, inArray, lte, ne, or, sql } from "drizzle-orm";
import { db } from "@/db";
import { countryPauses, events, users, waveCountries, waves } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { safeErrorMessage } from "@/lib/messaging/safe-error-message";
import { availabilityAt } from "../availability";
import { lockRollout } from "../waves/lock-wave";
import { describeBreach, guardrailBreach, type HourFigures } from "./guardrail-breach";

const hourMs = 60 * 60_000;

// What the code failure rate watches: codes typed at the second step. Security questions (accounts without 2SV) and
// passkey ceremonies (a person can cancel one) say nothing about how the rollout's codes reach people.
const codeMethods = ["sms", "device", "totp", "backup_code"];

/**
 * SMS deliveries and code checks for a country's accounts over the hour before `now`, counted by account: an account
 * counts once per metric, as delivered (or passed) when any of its texts went out (or any of its codes passed), else as
 * failed. A rate of texts or tries would let a few accounts of one's own pause a country by typing wrong codes or
 * asking texts to numbers that never answer; by account, it takes as many accounts as the minimum sample, each past
 * the sign-up and phone-setup limits. Events without an account (a text sent for no account) count one each.
 */
async function lastHourFigures(countryCode: string, now: Date): Promise<HourFigures> {
  const since = new Date(now.getTime() - hourMs);
  const perAccount = db
    .select({
      metric: sql<"sms" | "codes">`case when ${events.type} in ('sms_sent', 'sms_failed') then 'sms' else 'codes' end`.as("metric"),
      ok: sql<boolean>`bool_or(${events.type} in ('sms_sent', 'challenge_passed'))`.as("ok"),
    })
    .from(events)
    .leftJoin(users, eq(users.id, events.userId))
    .where(
      and(
        or(
          inArray(events.type, ["sms_sent", "sms_failed"]),
          and(inArray(events.type, ["challenge_passed", "challenge_failed"]), inArray(events.method, codeMethods)),
        ),
        gt(events.at, since),
        lte(events.at, now),
        // SMS events carry the country the text went to; challenge events are the account's.
        or(eq(events.countryCode, countryCode), and(sql`${events.countryCode} is null`, eq(users.countryCode, countryCode))),
      ),
    )
    .groupBy(sql`1`, sql`coalesce(${events.userId}::text, ${events.id}::text)`)
    .as("per_account");
  const rows = await db
    .select({ metric: perAccount.metric, ok: perAccount.ok, n: sql<number>`count(*)::int` })
    .from(perAccount)
    .groupBy(perAccount.metric, perAccount.ok);
  const n = (metric: "sms" | "codes", ok: boolean) => rows.find((r) => r.metric === metric && r.ok === ok)?.n ?? 0;
  return { sms: { sent: n("sms", true), failed: n("sms", false) }, codes: { passed: n("codes", true), failed: n("codes", false) } };
}

/**
 * Pauses `countryCode` automatically when its wave's guardrails are crossed, with an audit row carrying the
 * figures. Runs after each SMS failure and failed code, so no worker is needed. Returns the breach, if it paused.
 */
export async function checkGuardrails(countryCode: string | null | undefined, now = new Date()) {
  if (!countryCode) return null;
  const [row] = await db
    .select({ wave: waves, paused: countryPauses.countryCode })
    .from(waveCountries)
    .innerJoin(waves, and(eq(waves.id, waveCountries.waveId), ne(waves.status, "cancelled")))
    .leftJoin(countryPauses, eq(countryPauses.countryCode, waveCountries.countryCode))
    .where(eq(waveCountries.countryCode, countryCode));
  // Only a country that is enrolling now can be paused; one already paused stays as it is.
  if (!row || row.paused) return null;
  const status = availabilityAt(row.wave, now).status;
  if (status !== "available" && status !== "ramping") return null;

  const figures = await lastHourFigures(countryCode, now);
  const breach = guardrailBreach(figures, row.wave);
  if (!breach) return null;
  const reason = describeBreach(breach);
  const paused = await db.transaction(async (tx) => {
    await lockRollout(tx);
    const [inserted] = await tx.insert(countryPauses).values({ countryCode, pausedAt: now, reason, source: "guardrail" }).onConflictDoNothing().returning();
    if (!inserted) return false;
    await recordAudit(tx, {
      actor: null,
      action: "country.guardrail_pause",
      targetType: "country",
      targetId: countryCode,
      countryCode,
      before: { paused: false },
      after: { paused: true, wave: row.wave.name, ...figures, breach },
      reason,
      at: now,
    });
    return true;
  });
  return paused ? breach : null;
}

/** For hot paths (sending a text, checking a code): a guardrail problem must never fail the user's request. */
export async function checkGuardrailsSafely(countryCode: string | null | undefined, now = new Date()) {
  try {
    return await checkGuardrails(countryCode, now);
  } catch (error) {
    console.error(`[guardrails] check for ${countryCode} failed: ${safeErrorMessage(error)}`);
    return null;
  }
}

/** After a failed code: the guardrails of the account's country. */
export async function checkGuardrailsForAccount(userId: string, now = new Date()) {
  try {
    const [user] = await db.select({ countryCode: users.countryCode }).from(users).where(eq(users.id, userId));
    return await checkGuardrailsSafely(user?.countryCode, now);
  } catch {
    return null;
  }
}
