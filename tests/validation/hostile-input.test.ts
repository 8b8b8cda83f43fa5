import { describe, expect, it } from "vitest";
import { parseDashboardFilters } from "@/lib/analytics/dashboard-filters";
import { parseBasicAuth } from "@/lib/app-passwords/authenticate-basic";
import { isSessionId, newSessionId } from "@/lib/auth/sessions";
import { reasonRequired } from "@/lib/rollout/waves/review-wave";
import { parseRegistrationResponse } from "@/lib/two-step/passkeys/passkey-responses";
import { parseSecondFactorChoice } from "@/lib/two-step/second-factor-options";
import { parseRecordId } from "@/lib/validation/record-id";
import { parseWaveForm } from "@/app/(admin)/admin/waves/wave-form-data";

// Inputs the fuzzer (e2e/authz/fuzz.spec.ts) once turned into 500s: each must now be refused before any query.

describe("parseRecordId", () => {
  it("accepts the ids a serial column holds", () => {
    expect(parseRecordId("1")).toBe(1);
    expect(parseRecordId(" 42 ")).toBe(42);
    expect(parseRecordId("2147483647")).toBe(2147483647);
  });

  it("refuses what no Postgres integer id can be", () => {
    for (const text of ["", "0", "-1", "1.5", "2147483648", "6.430576267137754e+80", "1e20", "NaN", "Infinity", "abc", "1; drop table waves"]) {
      expect(parseRecordId(text), text).toBeNull();
    }
    expect(parseRecordId(null)).toBeNull();
  });
});

describe("parseBasicAuth", () => {
  const header = (text: string) => `Basic ${Buffer.from(text).toString("base64")}`;

  it("splits the address from the password", () => {
    expect(parseBasicAuth(header("Ana@Example.com:pa:ss"))).toEqual({ email: "ana@example.com", password: "pa:ss" });
  });

  it("refuses an address with control characters (NUL cannot reach the rate-limit key)", () => {
    expect(parseBasicAuth(header("ana\u0000@example.com:secret"))).toBeNull();
    expect(parseBasicAuth(header("ana\u001b@example.com:secret"))).toBeNull();
  });
});

describe("parseDashboardFilters", () => {
  it("drops a wave number no wave id can be (the dashboard then shows every country)", () => {
    for (const wave of ["1e+40", "2147483648", "-3", "2.5"]) expect(parseDashboardFilters({ wave }, "2026-01-31").waveId, wave).toBeNull();
  });
});

describe("parseSecondFactorChoice", () => {
  it("names a phone only by a real UUID (36 dashes once reached a uuid column)", () => {
    expect(parseSecondFactorChoice("sms:6f1c2a4e-8b9d-4c3e-a1f2-0d9e8c7b6a54")).toEqual({ method: "sms", phoneId: "6f1c2a4e-8b9d-4c3e-a1f2-0d9e8c7b6a54" });
    for (const value of [`sms:${"-".repeat(36)}`, `sms:${"f".repeat(36)}`, "sms:", "sms:\u0000"]) expect(parseSecondFactorChoice(value), value).toBeNull();
  });
});

describe("reasonRequired", () => {
  it("drops the control characters PostgreSQL or the JSON audit row would refuse, and keeps line breaks", () => {
    expect(reasonRequired("Carrier\u0000 outage\u001b\nin Lyon")).toBe("Carrier outage\nin Lyon");
    expect(reasonRequired("Bad \ud800 route")).toBe("Bad \ufffd route");
    expect(() => reasonRequired("\u0000\u0000\u0000ab")).toThrow();
  });
});

describe("parseWaveForm", () => {
  const form = (name: string, countries: string[]) => {
    const data = new FormData();
    data.set("name", name);
    for (const code of countries) data.append("country", code);
    return data;
  };

  it("refuses a name with control characters and countries that are not codes, with a message for each", () => {
    const parsed = parseWaveForm(form("Wave\u0000 3", ["FR", "\u0000", "' OR 1=1"]));
    expect(parsed.ok).toBe(false);
    expect(parsed.state.fieldErrors).toMatchObject({ name: expect.any(String), countries: expect.any(String) });
    expect(parsed.state.values?.name).toBe("Wave\u0000 3".trim());
  });
});

describe("parseRegistrationResponse", () => {
  it("keeps only the transports WebAuthn defines (a NUL once failed the jsonb insert)", () => {
    const response = {
      id: "abc",
      rawId: "abc",
      type: "public-key",
      response: { clientDataJSON: "e30", attestationObject: "o2M", transports: ["usb", "\u0000", "\ud800", "hybrid", "carrier-pigeon"] },
    };
    expect(parseRegistrationResponse(response)?.response.transports).toEqual(["usb", "hybrid"]);
  });
});

describe("isSessionId", () => {
  it("accepts what newSessionId() makes and nothing a NUL or a guess could be", () => {
    expect(isSessionId(newSessionId())).toBe(true);
    for (const value of ["", "\u0000".repeat(43), "a".repeat(42), "a".repeat(44), `${"a".repeat(42)}\u0000`, null, 43]) expect(isSessionId(value), String(value)).toBe(false);
  });
});
