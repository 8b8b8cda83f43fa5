import { eq } from "drizzle-orm";
import { db } from "@/db";
import { countries } from "@/db/schema";
import { refreshLockoutRiskForPhonesIn } from "@/lib/analytics/refresh-lockout-risk";
import { recordAudit } from "@/lib/audit/record-audit";
import { hasRole } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import type { StaffActor } from "../waves/staff-actor";

/** Operator: whether local carriers deliver our SMS codes in a country. Off = codes go to trusted devices only. */
export async function setSmsSupport({ actor, countryCode, supported, now = new Date() }: { actor: StaffActor; countryCode: string; supported: boolean; now?: Date }) {
  if (!hasRole(actor.role, "operator")) throw new AppError("FORBIDDEN");
  await db.transaction(async (tx) => {
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
      at: now,
    });
  });
}
