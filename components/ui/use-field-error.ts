"use client";

import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/forms/form-state";

/** Translates a form state's message keys; "weak:<reason>" becomes the password-strength reason plus advice. */
export function useFieldError(state: FormState) {
  const validation = useTranslations("validation");
  const weakness = useTranslations("passwordWeakness");
  return (field: string) => {
    const key = state.errors?.[field];
    if (!key) return undefined;
    if (key.startsWith("weak:")) {
      const reason = key.slice(5);
      const known = weakness.has(reason as never) ? reason : "guessable";
      return `${weakness(known as never)} ${weakness("advice")}`;
    }
    return validation.has(key as never) ? validation(key as never) : key;
  };
}
