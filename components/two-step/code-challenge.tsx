"use client";

import { useActionState, useEffect, useState, type ReactNode } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Notice } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ChallengeFeedback } from "@/lib/two-step/challenge-messages";
import type { SecondFactorOption } from "@/lib/two-step/second-factor-options";

export interface SendState {
  challengeId?: string;
  kind?: "sms" | "device";
  destination?: string;
  delayed?: boolean;
  choice?: string;
  error?: ChallengeFeedback;
}

export interface VerifyState {
  error?: ChallengeFeedback;
  field?: string;
}

/**
 * Choose where the code goes, send it, type it. Used by the second step at sign-in, step-up, and recovery;
 * each caller passes its own server actions and any extra fields (hidden inputs, a "trust this browser" box).
 */
export function CodeChallenge({
  options,
  send,
  verify,
  hidden = {},
  extra,
  verifyLabel,
}: {
  options: SecondFactorOption[];
  send: (state: SendState, data: FormData) => Promise<SendState>;
  verify: (state: VerifyState, data: FormData) => Promise<VerifyState>;
  hidden?: Record<string, string>;
  extra?: ReactNode;
  verifyLabel?: string;
}) {
  const t = useTranslations("codeChallenge");
  const [sent, sendAction] = useActionState(send, {});
  const [verified, verifyAction] = useActionState(verify, {});
  const [choosing, setChoosing] = useState(false);
  const feedback = useFeedback();
  const denied = useDenied(sent.kind === "device" ? sent.challengeId : undefined);
  const hiddenInputs = Object.entries(hidden).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);

  if (!options.length) return <Notice tone="warning">{t("noMethods")}</Notice>;

  if (!sent.challengeId || choosing) {
    return (
      <form action={(data) => { setChoosing(false); sendAction(data); }} className="space-y-4">
        {hiddenInputs}
        {sent.error && <Notice tone="error">{feedback(sent.error)}</Notice>}
        <fieldset className="space-y-2">
          <legend className="mb-2 text-sm font-medium text-slate-800">{t("chooseMethod")}</legend>
          {options.map((o, i) => (
            <label key={o.value} className="flex cursor-pointer items-start gap-3 rounded-lg border border-slate-200 p-3 hover:bg-slate-50 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
              <input type="radio" name="method" value={o.value} defaultChecked={sent.choice ? sent.choice === o.value : i === 0} className="mt-1" />
              <span className="text-sm">
                <span className="font-medium text-slate-900">
                  {o.kind === "sms" ? t("viaSms", { phone: o.label }) : t("viaDevice", { count: Number(o.label) })}
                </span>
                {o.kind === "device" && <span className="block text-slate-600">{t("viaDeviceHint")}</span>}
              </span>
            </label>
          ))}
        </fieldset>
        <SubmitButton pendingLabel={t("sending")}>{t("send")}</SubmitButton>
      </form>
    );
  }

  const error = denied ? { key: "denied" } : verified.error;
  return (
    <div className="space-y-4">
      <Notice tone="info">
        {sent.kind === "sms" ? t("sentSms", { destination: sent.destination ?? "" }) : t("sentDevice")}
        {sent.delayed && <span className="mt-1 block">{t("smsDelayed")}</span>}
      </Notice>
      {sent.error && <Notice tone="error">{feedback(sent.error)}</Notice>}
      <form action={verifyAction} className="space-y-4" noValidate>
        {hiddenInputs}
        <input type="hidden" name="challengeId" value={sent.challengeId} />
        <TextField
          id="code"
          label={t("code")}
          hint={t("codeHint")}
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]*"
          maxLength={7}
          required
          autoFocus
          error={error ? feedback(error) : undefined}
          className="block w-40 rounded-lg border border-slate-300 bg-white px-3 py-2 font-mono text-lg tracking-[0.3em] shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30"
        />
        {extra}
        <SubmitButton pendingLabel={t("verifying")} className="w-full sm:w-auto">
          {verifyLabel ?? t("verify")}
        </SubmitButton>
      </form>
      <div className="flex flex-wrap gap-4 text-sm">
        <form action={sendAction}>
          {hiddenInputs}
          <input type="hidden" name="method" value={sent.choice} />
          <button type="submit" className="font-medium text-brand-700 underline-offset-2 hover:underline">{t("resend")}</button>
        </form>
        {options.length > 1 && (
          <button type="button" onClick={() => setChoosing(true)} className="font-medium text-brand-700 underline-offset-2 hover:underline">
            {t("otherMethod")}
          </button>
        )}
      </div>
    </div>
  );
}

function useFeedback() {
  const t = useTranslations("codeChallenge");
  const format = useFormatter();
  return (f: ChallengeFeedback) => {
    const values: Record<string, string> = { ...f.values };
    if (values.retryAt) values.retryAt = format.relativeTime(new Date(values.retryAt), new Date());
    return t(f.key as "expired", values as never);
  };
}

/** A pushed code can be refused on the trusted device ("Don't allow"); this browser learns it within a second. */
function useDenied(challengeId: string | undefined) {
  const [denied, setDenied] = useState<string | null>(null);
  useEffect(() => {
    if (!challengeId) return;
    const timer = setInterval(async () => {
      const res = await fetch(`/api/challenges/${challengeId}`, { cache: "no-store" }).catch(() => null);
      const body = res?.ok ? ((await res.json()) as { status: string }) : null;
      if (body?.status === "denied") {
        setDenied(challengeId);
        clearInterval(timer);
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [challengeId]);
  return denied !== null && denied === challengeId;
}
