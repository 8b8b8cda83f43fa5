import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { findPasswordWeakness, type PasswordWeakness } from "@/lib/auth/password-policy";

// Every key the sign-up form knows how to translate.
const knownReasons: PasswordWeakness[] = [
  "common", "topTen", "topHundred", "similarToCommon", "userInputs", "straightRow", "keyPattern", "simpleRepeat",
  "extendedRepeat", "sequences", "recentYears", "dates", "wordByItself", "namesByThemselves", "commonNames", "guessable",
];

describe("findPasswordWeakness", () => {
  it.each(["password", "12345678", "qwertyuiop", "11111111", "abcdefgh", "iloveyou"])(
    "refuses the common password %j with a known reason key",
    (password) => {
      const reason = findPasswordWeakness(password);
      expect(reason).not.toBeNull();
      expect(knownReasons).toContain(reason);
    },
  );

  it("says why the very most common passwords are refused", () => {
    expect(findPasswordWeakness("password")).toBe("topTen");
    expect(findPasswordWeakness("12345678")).toBe("topTen");
  });

  it("accepts a long passphrase without composition rules", () => {
    expect(findPasswordWeakness("correct-horse-battery-staple-42")).toBeNull();
  });

  it("accepts a 64-character random password", () => {
    const password = randomBytes(48).toString("base64url");
    expect(password).toHaveLength(64);
    expect(findPasswordWeakness(password)).toBeNull();
  });

  it("flags a password built from the user's own name or email, which is fine for someone else", () => {
    const inputs = ["ana@example.com", "Ana Ramirez"];
    // Control: without context the same strings are acceptable, so the flag comes from the user inputs.
    for (const password of ["anaramirez", "AnaRamirez", "ana@example.com", "ana@example.com2024"]) {
      expect(findPasswordWeakness(password)).toBeNull();
      expect(findPasswordWeakness(password, inputs)).toBe("userInputs");
    }
  });

  it("ignores user inputs shorter than three characters instead of flagging every password containing them", () => {
    expect(findPasswordWeakness("correct-horse-battery-staple-42", ["co", "42", "e"])).toBeNull();
  });

  it("only looks at the first 100 characters, so a huge input cannot make it slow", () => {
    const started = performance.now();
    expect(findPasswordWeakness("correct-horse-battery-staple-42" + "x".repeat(100_000))).toBeNull();
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
