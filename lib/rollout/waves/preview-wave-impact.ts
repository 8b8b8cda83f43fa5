import { count, inArray, isNull, and } from "drizzle-orm";
import { db } from "@/db";
import { countries, users } from "@/db/schema";
import { findCountryConflicts } from "./save-wave-draft";

export interface ImpactRow {
  code: string;
  name: string;
  smsSupported: boolean;
  /** Accounts without 2SV that the wave will offer it to (all of them once the ramp reaches 100%). */
  becomeEligible: number;
  /** Of those, how many can only use trusted devices, because local carriers do not deliver our texts. */
  deviceOnly: number;
  /** Another wave that already holds this country: the request is refused until it is removed. */
  conflictWave: string | null;
}

/** What launching these countries would do, shown before an operator asks for approval. */
export async function previewWaveImpact(countryCodes: string[], exceptWaveId?: number) {
  if (countryCodes.length === 0) return { rows: [] as ImpactRow[], totals: { becomeEligible: 0, deviceOnly: 0, conflicts: 0 } };
  const [picked, counts, conflicts] = await Promise.all([
    db.select().from(countries).where(inArray(countries.code, countryCodes)).orderBy(countries.name),
    db
      .select({ code: users.countryCode, n: count() })
      .from(users)
      .where(and(inArray(users.countryCode, countryCodes), isNull(users.twoStepEnabledAt)))
      .groupBy(users.countryCode),
    findCountryConflicts(db, countryCodes, exceptWaveId),
  ]);
  const rows = picked.map((c): ImpactRow => {
    const becomeEligible = counts.find((r) => r.code === c.code)?.n ?? 0;
    return {
      code: c.code,
      name: c.name,
      smsSupported: c.smsSupported,
      becomeEligible,
      deviceOnly: c.smsSupported ? 0 : becomeEligible,
      conflictWave: conflicts.find((x) => x.code === c.code)?.wave ?? null,
    };
  });
  const sum = (f: (r: ImpactRow) => number) => rows.reduce((n, r) => n + f(r), 0);
  return { rows, totals: { becomeEligible: sum((r) => r.becomeEligible), deviceOnly: sum((r) => r.deviceOnly), conflicts: sum((r) => (r.conflictWave ? 1 : 0)) } };
}
