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
    // Names show up in the audit log as "Name <address>": none may pass for another's, or reorder text unseen.
    [{ name: "Alan Approver <approver@stepwise.test>" }, { name: "nameInvalid" }],
    [{ name: "Ana \u202eRamirez" }, { name: "nameInvalid" }],
    [{ name: "Ana\u200bRamirez" }, { name: "nameInvalid" }],
    [{ country: "us" }, { country: "countryRequired" }],
    [{ country: "USA" }, { country: "countryRequired" }],
  ])("refuses %j with %j", (change, expected) => {
    expect(errorsOf({ ...valid, ...change })).toEqual(expected);
  });

  it("keeps the joiners and direction marks real names need (Persian, Hindi, Hebrew)", () => {
    for (const name of ["می\u200cخواهم نیکو", "क्\u200dष", "\u200fדנה כהן", "Zoë O'Brien-Ñúñez"]) expect(errorsOf({ ...valid, name })).toEqual({});
  });

  it("allows exactly 8 and 128 character passwords (NIST length bounds)", () => {
    expect(errorsOf({ ...valid, password: "Tq9#vLm2" })).toEqual({});
    expect(errorsOf({ ...valid, password: "Tq9#vLm2".repeat(16) })).toEqual({});
  });

  it("refuses a guessable password with the policy's reason, next to the other fields' problems", () => {
    expect(errorsOf({ ...valid, password: "password" })).toEqual({ password: "weak:topTen" });
    expect(errorsOf({ ...valid, name: "", email: "nope", password: "12345678" })).toEqual({
      name: "nameRequired",
      email: "emailInvalid",
      password: "weak:topTen",
    });
  });

  it("refuses a password made of the user's own name or email", () => {
    expect(errorsOf({ ...valid, password: "AnaRamirez" })).toEqual({ password: "weak:userInputs" });
    expect(errorsOf({ ...valid, name: "Someone Else", email: "else@example.com", password: "AnaRamirez" })).toEqual({});
  });

  it("reports missing fields instead of crashing the password check", () => {
    expect(() => signUpSchema.safeParse({ password: valid.password })).not.toThrow();
    expect(errorsOf({ email: valid.email, password: valid.password, country: "US" })).toEqual({ name: "nameRequired" });
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
