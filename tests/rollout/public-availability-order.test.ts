import { describe, expect, it } from "vitest";
import { namePublicCountries } from "@/lib/rollout/name-public-countries";
import { listPublicAvailability } from "@/lib/rollout/public-availability";
import { setupTestDatabase } from "../helpers/test-db";

setupTestDatabase({ seed: "countries" });

// The public /availability page lists countries under their names in the reader's language, in that language's order.
describe("namePublicCountries", () => {
  it("names and sorts countries as German does, not by the stored English names", async () => {
    const all = await listPublicAvailability();
    const german = namePublicCountries(all, "de");
    const names = (status: string) => german.filter((c) => c.status === status).map((c) => c.name);

    const available = names("available");
    expect(available).toContain("Österreich");
    expect(available).toContain("Vereinigte Staaten");
    // Ö sorts with O in German: after "Niederlande", before "Pakistan" (in English, "Austria" comes first).
    expect(available.indexOf("Niederlande")).toBeLessThan(available.indexOf("Österreich"));
    expect(available.indexOf("Österreich")).toBeLessThan(available.indexOf("Pakistan"));
    expect(available[0]).toBe("Argentinien");

    const notYet = names("not_available");
    // "Germany" follows "France" in English; "Deutschland" precedes "Frankreich".
    expect(notYet.indexOf("Deutschland")).toBeGreaterThanOrEqual(0);
    expect(notYet.indexOf("Deutschland")).toBeLessThan(notYet.indexOf("Frankreich"));
    const collator = new Intl.Collator("de");
    expect(notYet).toEqual([...notYet].sort(collator.compare));
    expect(german).toHaveLength(all.length);
  });
});
