import { describe, expect, it } from "vitest";
import { fieldErrors, signInSchema, signUpSchema } from "@/lib/validation/account";

const valid = { name: "Ana Ramirez", email: "ana@example.com", password: "correct-horse-battery-staple-42", country: "US" };

function errorsOf(input: unknown) {
  const parsed = signUpSchema.safeParse(input);
  return parsed.success ? {} : fieldErrors(parsed.error);
}

describe("signUpSchema", () => {
  it("accepts a valid form and trims the name and email", () => {
    const parsed = signUpSchema.parse({ ...valid, name: "  Ana Ramirez ", email: " ana@example.com " });
    expect(parsed).toMatchObject({ name: "Ana Ramirez", email: "ana@example.com" });
  });

  it("keeps the password exactly as typed (no trimming: spaces are allowed characters)", () => {
    expect(signUpSchema.parse({ ...valid, password: "  spaced out pass  " }).password).toBe("  spaced out pass  ");
  });

  it("gives one message key per field", () => {
    expect(errorsOf({})).toEqual({
      name: "nameRequired",
      email: "emailRequired",
      password: "passwordRequired",
      country: "countryRequired",
    });
  });

  it.each([
    [{ email: "not-an-email" }, { email: "emailInvalid" }],
    [{ email: `${"a".repeat(250)}@example.com` }, { email: "emailInvalid" }],
    [{ password: "short7!" }, { password: "passwordTooShort" }],
    [{ password: "x".repeat(129) }, { password: "passwordTooLong" }],
    [{ name: "   " }, { name: "nameRequired" }],
    [{ name: "x".repeat(101) }, { name: "nameTooLong" }],
    [{ name: "Ana\u0000Ramirez" }, { name: "nameInvalid" }],
    [{ country: "us" }, { country: "countryRequired" }],
    [{ country: "USA" }, { country: "countryRequired" }],
  ])("refuses %j with %j", (change, expected) => {
    expect(errorsOf({ ...valid, ...change })).toEqual(expected);
  });

  it("allows exactly 8 and 128 character passwords (NIST length bounds)", () => {
    expect(errorsOf({ ...valid, password: "x".repeat(8) })).toEqual({});
    expect(errorsOf({ ...valid, password: "x".repeat(128) })).toEqual({});
  });
});

describe("signInSchema", () => {
  it("does not apply the new-password length rules to sign-in (old short passwords can still sign in)", () => {
    expect(signInSchema.safeParse({ email: "ana@example.com", password: "short" }).success).toBe(true);
  });

  it("requires a password and caps it", () => {
    const empty = signInSchema.safeParse({ email: "ana@example.com", password: "" });
    expect(empty.success ? {} : fieldErrors(empty.error)).toEqual({ password: "passwordRequired" });
    const huge = signInSchema.safeParse({ email: "ana@example.com", password: "x".repeat(1025) });
    expect(huge.success ? {} : fieldErrors(huge.error)).toEqual({ password: "passwordTooLong" });
  });
});
