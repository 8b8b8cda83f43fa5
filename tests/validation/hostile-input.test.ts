import { describe, expect, it } from "vitest";
import { parseDashboardFilters } from "@/lib/analytics/dashboard-filters";
import { parseBasicAuth } from "@/lib/app-passwords/authenticate-basic";
import { parseRecordId } from "@/lib/validation/record-id";

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
