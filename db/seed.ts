import countriesLib from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json" with { type: "json" };
import { hashPassword } from "@/lib/auth/passwords";
import type { DB } from "./index";
import { countries, trustedPhones, users, waveCountries, waves } from "./schema";
import { demoAccounts, demoPassword, demoStaffPhones, seedWaves, smsCountries } from "./seed-data";

countriesLib.registerLocale(en);

export function allCountries() {
  const names = countriesLib.getNames("en", { select: "official" });
  return Object.entries(names)
    .map(([code, name]) => ({ code, name, smsSupported: smsCountries.has(code) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Idempotent: running it twice leaves the same data. Demo accounts are created only when missing. */
export async function seedDatabase(db: DB, { demo = true } = {}) {
  await db.insert(countries).values(allCountries()).onConflictDoNothing();

  for (const wave of seedWaves) {
    const [row] = await db
      .insert(waves)
      .values({ name: wave.name, status: wave.status, startsAt: wave.startsAt, startOnApproval: "startOnApproval" in wave && wave.startOnApproval })
      .onConflictDoNothing({ target: waves.name })
      .returning({ id: waves.id });
    if (!row) continue;
    await db
      .insert(waveCountries)
      .values(wave.countries.map((countryCode) => ({ waveId: row.id, countryCode })))
      .onConflictDoNothing();
  }

  if (!demo) return;
  const passwordHash = await hashPassword(demoPassword);
  const launched = new Date("2013-03-21T17:00:00Z");
  const created = await db
    .insert(users)
    .values(demoAccounts.map((a) => ({ ...a, passwordHash, twoStepEnabledAt: a.email in demoStaffPhones ? launched : null })))
    .onConflictDoNothing()
    .returning({ id: users.id, email: users.email });
  const phones = created.flatMap((u) => (demoStaffPhones[u.email] ? [{ userId: u.id, ...demoStaffPhones[u.email]!, verifiedAt: launched }] : []));
  if (phones.length) await db.insert(trustedPhones).values(phones);
}
