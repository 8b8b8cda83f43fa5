import { eq } from "drizzle-orm";
import { db } from "@/db";
import { countries, countryPauses } from "@/db/schema";

/** Countries a guardrail paused and nobody has resumed yet: every staff page shows them. */
export async function listGuardrailPauses() {
  return db
    .select({ code: countryPauses.countryCode, name: countries.name, reason: countryPauses.reason, pausedAt: countryPauses.pausedAt })
    .from(countryPauses)
    .innerJoin(countries, eq(countries.code, countryPauses.countryCode))
    .where(eq(countryPauses.source, "guardrail"))
    .orderBy(countryPauses.pausedAt);
}
