import { describe, expect, it } from "vitest";
import { pickTimeZone } from "@/i18n/time-zone";

// The `tz` cookie is written by the browser (components/layout/time-zone-cookie.tsx) and can hold anything.
describe("pickTimeZone", () => {
  it("keeps a zone Intl knows", () => {
    expect(pickTimeZone("Europe/Paris")).toBe("Europe/Paris");
    expect(pickTimeZone("America/Argentina/Buenos_Aires")).toBe("America/Argentina/Buenos_Aires");
    expect(pickTimeZone("UTC")).toBe("UTC");
  });

  it("falls back to UTC for a missing, empty, unknown or absurd value instead of failing the page", () => {
    for (const value of [undefined, null, "", "Mars/Olympus_Mons", "Europe/Paris; path=/", "<script>", "x".repeat(5000)]) {
      expect(pickTimeZone(value), String(value).slice(0, 20)).toBe("UTC");
    }
  });
});
