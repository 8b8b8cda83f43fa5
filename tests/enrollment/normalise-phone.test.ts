import { describe, expect, it } from "vitest";
import { normalisePhone } from "@/lib/two-step/enrollment/normalise-phone";

describe("normalisePhone", () => {
  it("reads a national number in the chosen country and returns E.164", () => {
    expect(normalisePhone("(201) 555-0123", "US")).toEqual({ ok: true, e164: "+12015550123", countryCode: "US", international: "+1 201 555 0123" });
    expect(normalisePhone("06 12 34 56 78", "FR")).toMatchObject({ ok: true, e164: "+33612345678", countryCode: "FR" });
    expect(normalisePhone("0300 1234567", "PK")).toMatchObject({ ok: true, e164: "+923001234567", countryCode: "PK" });
    expect(normalisePhone("  201.555.0123 ", "us")).toMatchObject({ ok: true, e164: "+12015550123" });
  });

  it("a number typed with + keeps its own country whatever the account's country is", () => {
    expect(normalisePhone("+44 7400 123456", "FR")).toMatchObject({ ok: true, e164: "+447400123456", countryCode: "GB" });
    expect(normalisePhone("+1 202 555 0147", "PK")).toMatchObject({ ok: true, e164: "+12025550147", countryCode: "US" });
  });

  it("refuses empty, malformed and impossible numbers", () => {
    expect(normalisePhone("   ", "US")).toEqual({ ok: false, problem: "PHONE_REQUIRED" });
    for (const bad of ["555-0100", "12", "call me", "201555012345678901", "+1 201 555 0123; DROP TABLE", "0612345678", "+999 1234567"]) {
      expect(normalisePhone(bad, "US"), bad).toEqual({ ok: false, problem: "PHONE_INVALID" });
    }
  });

  it("refuses a landline: it cannot receive a text", () => {
    expect(normalisePhone("01 42 68 53 00", "FR")).toEqual({ ok: false, problem: "PHONE_LANDLINE" });
  });
});
