import { z } from "zod";
import { emailSchema } from "@/lib/validation/account";

// Message keys under "validation" (the same rules as sign-up).
export const nameSchema = z
  .string({ error: "nameRequired" })
  .trim()
  .min(1, { error: "nameRequired" })
  .max(100, { error: "nameTooLong" })
  .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), { error: "nameInvalid" });

export const newEmailSchema = emailSchema;
