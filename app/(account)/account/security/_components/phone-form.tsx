"use client";

import { useActionState, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Notice } from "@/components/ui/card";
import { CodeField, SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ChallengeFeedback } from "@/lib/two-step/challenge-messages";
import type { PhoneFormState } from "./phone-form-state";

// Tall enough to tap (WCAG 2.5.8 asks 24 px), side by side on a phone.
const link = "inline-block py-1 text-sm font-medium text-brand-700 underline-offset-2 hover:underline";

/**
 * Add a trusted phone: number (+ its country) → a texted 6-digit code → verified. `pending`: the code this session
 * is waiting for (pendingPhoneForm), so a reload resumes at the code field.
 */
export function PhoneForm({
  action,
  countries,
  defaultCountry,
  pending = {},
}: {
  action: (state: PhoneFormState, data: FormData) => Promise<PhoneFormState>;
  countries: { code: string; name: string }[];
  defaultCountry: string;
  pending?: PhoneFormState;
}) {
  const t = useTranslations("phoneForm");
  const [state, formAction] = useActionState(action, pending);
  const [unfoldedFor, setUnfoldedFor] = useState<PhoneFormState | null>(null);
  const feedback = useChallengeFeedback();
  const values = state.values ?? {};

  if (state.stage === "code" && state.phoneId) {
    const hidden = (
      <>
        <input type="hidden" name="phoneId" value={state.phoneId} />
        <input type="hidden" name="challengeId" value={state.challengeId ?? ""} />
        <input type="hidden" name="display" value={state.display ?? ""} />
        <input type="hidden" name="number" value={values.number ?? ""} />
        <input type="hidden" name="country" value={values.country ?? defaultCountry} />
      </>
    );
    const codeError = state.errors?.code ? t(state.errors.code as "codeRequired") : state.feedback ? feedback(state.feedback) : undefined;
    return (
      <div className="space-y-4">
        {state.textProblem === "failed" ? (
          <Notice tone="error">{t("failed")}</Notice>
        ) : (
          <Notice tone="info">
            {t("codeSent", { phone: state.display ?? "" })}
            {state.textProblem === "delayed" && <span className="mt-1 block">{t("delayed")}</span>}
          </Notice>
        )}
        {state.notice && !codeError && <p className="text-sm text-slate-700" role="status">{t("resent")}</p>}
        <form action={formAction} noValidate className="space-y-4">
          {hidden}
          <input type="hidden" name="intent" value="verify" />
          <CodeField id="code" label={t("code")} hint={t("codeHint")} autoFocus error={codeError} />
          <SubmitButton pendingLabel={t("verifying")}>{t("verify")}</SubmitButton>
        </form>
        <div className="flex flex-wrap gap-4">
          <form action={formAction}>
            {hidden}
            <input type="hidden" name="intent" value="resend" />
            <button type="submit" className={link}>{t("resend")}</button>
          </form>
          <form action={formAction}>
            {hidden}
            <input type="hidden" name="intent" value="change" />
            <button type="submit" className={link}>{t("change")}</button>
          </form>
        </div>
      </div>
    );
  }

  const numberError = state.errors?.number ? t(`error.${state.errors.number}` as "error.PHONE_INVALID", state.errorValues ?? {}) : undefined;
  // Once a number is verified, the next step (Continue below) matters more than a second number: the empty form
  // stays folded until asked for, and folds again after the next verification (a new state).
  if (state.stage === "verified" && unfoldedFor !== state) {
    return (
      <div className="space-y-4">
        <Notice tone="success">{t("verified", { phone: state.display ?? "" })}</Notice>
        <button type="button" onClick={() => setUnfoldedFor(state)} className={link}>
          {t("addAnother")}
        </button>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      {state.stage === "verified" && <Notice tone="success">{t("verified", { phone: state.display ?? "" })}</Notice>}
      {state.feedback && <Notice tone="error">{feedback(state.feedback)}</Notice>}
      <form action={formAction} noValidate className="space-y-4">
        <input type="hidden" name="intent" value="add" />
        <div className="grid gap-4 sm:grid-cols-[minmax(0,14rem)_minmax(0,1fr)]">
          <SelectField id="country" label={t("country")} defaultValue={values.country ?? defaultCountry} key={values.country ?? defaultCountry}>
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </SelectField>
          <TextField
            id="number"
            label={t("number")}
            type="tel"
            autoComplete="tel"
            inputMode="tel"
            required
            hint={t("numberHint")}
            defaultValue={state.stage === "verified" ? "" : values.number}
            key={`${state.stage}-${values.number}`}
            error={numberError}
          />
        </div>
        <SubmitButton pendingLabel={t("sending")}>{t("send")}</SubmitButton>
      </form>
    </div>
  );
}

function useChallengeFeedback() {
  const t = useTranslations("codeChallenge");
  const format = useFormatter();
  return (f: ChallengeFeedback) => {
    const values: Record<string, string> = { ...f.values };
    if (values.retryAt) values.retryAt = format.relativeTime(new Date(values.retryAt), new Date());
    return t(f.key as "expired", values as never);
  };
}
