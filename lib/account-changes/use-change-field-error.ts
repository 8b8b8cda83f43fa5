"use client";

import { useTranslations } from "next-intl";
import { useFieldError } from "@/components/ui/use-field-error";
import type { FormState } from "@/lib/forms/form-state";

/** Field messages of the account-change forms: their own keys ("accountForms"), else the shared validation keys. */
export function useChangeFieldError(state: FormState) {
  const shared = useFieldError(state);
  const t = useTranslations("accountForms");
  return (field: string) => {
    const key = state.errors?.[field];
    return key && t.has(key as never) ? t(key as never) : shared(field);
  };
}
