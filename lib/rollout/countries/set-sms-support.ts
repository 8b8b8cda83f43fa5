import { eq } from "drizzle-orm";
import { db } from "@/db";
import { countries } from "@/db/schema";
import { refreshLockoutRiskForPhonesIn } from "@/lib/analytics/refresh-lockout-risk";
import { recordAudit } from "@/lib/audit/record-audit";
import { hasRole } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { requireCurrentRole } from "../waves/lock-wave";
import { reasonRequired } from "../waves/review-wave";
import type { StaffActor } from "../waves/staff-actor";

/**
 * Operator: whether local carriers deliver our SMS codes in a country. Off = codes go to trusted devices only, so
 * people whose only second factor is a phone there can no longer get a code: like the kill switch, it takes a reason
 * (the console also asks for a fresh confirmation).
 */
export async function setSmsSupport({ actor, countryCode, supported, reason, now = new Date() }: { actor: StaffActor; countryCode: string; supported: boolean; reason: string; now?: Date }) {
  if (!hasRole(actor.role, "operator")) throw new AppError("FORBIDDEN");
  const why = reasonRequired(reason);
  await db.transaction(async (tx) => {
    await requireCurrentRole(tx, actor, "operator");
    const [country] = await tx.select().from(countries).where(eq(countries.code, countryCode)).for("update");
    if (!country) throw new AppError("UNKNOWN_COUNTRY");
    if (country.smsSupported === supported) return;
    await tx.update(countries).set({ smsSupported: supported }).where(eq(countries.code, countryCode));
    // Phones there stop (or start) counting as second factors: refresh the lockout-risk cohort they belong to.
    await refreshLockoutRiskForPhonesIn(tx, countryCode);
    await recordAudit(tx, {
      actor,
      action: "country.sms",
      targetType: "country",
      targetId: countryCode,
      countryCode,
      before: { smsSupported: country.smsSupported },
      after: { smsSupported: supported },
      reason: why,
      at: now,
    });
  });
}
