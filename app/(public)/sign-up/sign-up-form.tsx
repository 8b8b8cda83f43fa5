"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFieldError } from "@/components/ui/use-field-error";
import type { FormState } from "@/lib/forms/form-state";
import { signUpAction } from "./actions";

export function SignUpForm({ countries, defaultCountry }: { countries: { code: string; name: string }[]; defaultCountry: string }) {
  const t = useTranslations("signUp");
  const [state, action] = useActionState<FormState, FormData>(signUpAction, {});
  const error = useFieldError(state);
  const v = state.values ?? {};
  return (
    <form action={action} noValidate className="space-y-5" aria-describedby={state.errors ? "form-error" : undefined}>
      {state.errors && (
        <p id="form-error" className="sr-only" role="status">
          {t("failed")}
        </p>
      )}
      <TextField id="name" label={t("name")} autoComplete="name" required defaultValue={v.name} error={error("name")} />
      <TextField id="email" label={t("email")} type="email" autoComplete="email" required defaultValue={v.email} error={error("email")} />
      <TextField
        id="password"
        label={t("password")}
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        hint={t("passwordHint")}
        error={error("password")}
      />
      <SelectField
        id="country"
        label={t("country")}
        required
        defaultValue={v.country ?? defaultCountry}
        hint={t("countryHint")}
        error={error("country")}
        key={v.country ?? defaultCountry}
      >
        <option value="">—</option>
        {countries.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <SubmitButton pendingLabel={t("pending")} className="w-full">
        {t("submit")}
      </SubmitButton>
      <p className="text-center text-sm text-slate-600">
        {t("haveAccount")}{" "}
        <Link href="/sign-in" className="font-medium text-brand-700 underline-offset-2 hover:underline">
          {useTranslations("common")("signIn")}
        </Link>
      </p>
    </form>
  );
}
