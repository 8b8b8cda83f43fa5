import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeRedirect } from "@/lib/forms/safe-redirect";

const site = "https://stepwise.example";
// Where a browser on our site goes with a Location or location.assign() of `target`: the WHATWG parser, as in Chromium.
const landsOn = (target: string) => new URL(target, site).origin;

describe("safeRedirect", () => {
  it("keeps paths on this site, query and fragment included", () => {
    for (const path of ["/account", "/account/security?x=1", "/admin/waves/3#step", "/", "/%2F%2Fevil.example"]) expect(safeRedirect(path)).toBe(path);
  });

  it("refuses every spelling a browser reads as another host", () => {
    const offSite = ["//evil.example", "/\\evil.example", "/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example", "\t//evil.example", "https://evil.example", "javascript:alert(1)", "/\u0000/evil.example"];
    for (const target of offSite) expect(safeRedirect(target), JSON.stringify(target)).toBe("/account");
    // The reason these matter: each one resolves elsewhere in a browser.
    expect(landsOn("/\t/evil.example")).toBe("https://evil.example");
    expect(landsOn("/\\evil.example")).toBe("https://evil.example");
  });

  it("never returns a target that leaves the site, whatever the string (20 000 cases)", () => {
    const pieces = fc.constantFrom("/", "\\", "\t", "\n", "\r", " ", "\u0000", "%2F", "%5C", ":", "@", "evil.example", ".", "..", "?", "#", "a", "https:");
    const target = fc.oneof(fc.array(pieces, { maxLength: 8 }).map((p) => p.join("")), fc.string({ unit: "binary", maxLength: 20 }));
    fc.assert(
      fc.property(target, (t) => {
        const result = safeRedirect(t, "/fallback");
        return landsOn(result) === site;
      }),
      { numRuns: 20_000 },
    );
  });
});
