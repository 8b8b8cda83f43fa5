import { z } from "zod";
import { hasForbiddenNameCharacters } from "./plain-text";
import { findPasswordWeakness, passwordMaxLength, passwordMinLength } from "@/lib/auth/password-policy";

// Messages are next-intl keys under "validation"; the form translates them.
export const emailSchema = z
  .string({ error: "emailRequired" })
  .trim()
  .min(1, { error: "emailRequired" })
  .max(254, { error: "emailInvalid" })
  .pipe(z.email({ error: "emailInvalid" }));

export const newPasswordSchema = z
  .string({ error: "passwordRequired" })
  .min(passwordMinLength, { error: "passwordTooShort" })
  .max(passwordMaxLength, { error: "passwordTooLong" });

// Message keys under "validation"; sign-up and the name change share the rule.
export const nameSchema = z
  .string({ error: "nameRequired" })
  .trim()
  .min(1, { error: "nameRequired" })
  .max(100, { error: "nameTooLong" })
  .refine((v) => !hasForbiddenNameCharacters(v), { error: "nameInvalid" });

export const signUpSchema = z.object({
  name: nameSchema,
  email: emailSchema,
  password: newPasswordSchema,
  country: z
    .string({ error: "countryRequired" })
    .regex(/^[A-Z]{2}$/, { error: "countryRequired" }),
}).superRefine((v, ctx) => {
  // Checked with the other fields so every problem shows at once; "weak:<reason>" names the reason.
  const weakness = findPasswordWeakness(v.password, [v.name, v.email]);
  if (weakness) ctx.addIssue({ code: "custom", path: ["password"], message: `weak:${weakness}` });
});

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "passwordRequired" }).min(1, { error: "passwordRequired" }).max(1024, { error: "passwordTooLong" }),
});

export type FieldErrors = Partial<Record<string, string>>;

/** First message key per field, for field-level messages on a form. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    out[field] ??= issue.message;
  }
  return out;
}
