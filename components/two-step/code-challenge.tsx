"use client";

import { startTransition, useActionState, useEffect, useState, type ReactNode } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Notice } from "@/components/ui/card";
import { CodeField, codeInputClass, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFieldsAsLeft } from "@/components/ui/use-fields-as-left";
import type { ChallengeFeedback } from "@/lib/two-step/challenge-messages";
import type { SecondFactorOption } from "@/lib/two-step/second-factor-options";
import type { TextProblem } from "@/lib/two-step/text-delivery";
import { getPasskeyAssertion } from "./passkey-assertion";

export interface SendState {
  challengeId?: string;
  kind?: "sms" | "device";
  destination?: string;
  textProblem?: TextProblem;
  choice?: string;
  error?: ChallengeFeedback;
}

export interface VerifyState {
  error?: ChallengeFeedback;
  field?: string;
}

type Kind = SecondFactorOption["kind"];
// Methods that need nothing sent: the owner already holds the code (or the passkey).
const held = (kind: Kind | undefined): kind is "totp" | "backup_code" | "passkey" => kind === "totp" || kind === "backup_code" || kind === "passkey";
const linkButton = "font-medium text-brand-700 underline-offset-2 hover:underline";

/**
 * The second step: choose a method (the one that worked last time comes first), then send a code and type it, type
 * a code from the authenticator app or a backup code, or answer with a passkey. Used at sign-in, step-up and
 * recovery; each caller passes its own server actions and extra fields (hidden inputs, "trust this browser").
 */
export function CodeChallenge({
  options,
  send,
  verify,
  hidden = {},
  extra,
  verifyLabel,
  passkeyPurpose,
}: {
  options: SecondFactorOption[];
  send: (state: SendState, data: FormData) => Promise<SendState>;
  verify: (state: VerifyState, data: FormData) => Promise<VerifyState>;
  hidden?: Record<string, string>;
  extra?: ReactNode;
  verifyLabel?: string;
  /** Where a passkey answer is checked; without it passkeys are not offered. */
  passkeyPurpose?: "sign_in" | "step_up";
}) {
  const t = useTranslations("codeChallenge");
  const offered = passkeyPurpose ? options : options.filter((o) => o.kind !== "passkey");
  const [sent, sendAction] = useActionState(send, {});
  const [verified, verifyAction] = useActionState(verify, {});
  const [selected, setSelected] = useState(offered[0]?.value);
  // Which step is on screen: the method list, a held method's form, or (after a send) the sent code's form.
  const [mode, setMode] = useState<"choose" | "held" | "sent">("choose");
  const [passkeyError, setPasskeyError] = useState<string | null>(null);
  const feedback = useFeedback();
  const denied = useDenied(mode === "sent" && sent.kind === "device" ? sent.challengeId : undefined);
  const hiddenInputs = Object.entries(hidden).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
  const option = offered.find((o) => o.value === selected);
  const methods = useFieldsAsLeft<HTMLFieldSetElement>((fieldset) => {
    const checked = fieldset.querySelector<HTMLInputElement>("input[name=method]:checked")?.value;
    if (checked) setSelected(checked);
  });

  if (!offered.length) return <Notice tone="warning">{t("noMethods")}</Notice>;

  const otherMethod = offered.length > 1 && (
    <button type="button" onClick={() => setMode("choose")} className={linkButton}>
      {t("otherMethod")}
    </button>
  );

  if (mode === "choose" || (mode === "sent" && !sent.challengeId)) {
    return (
      <form
        action={(data) => {
          // The choice as submitted: a radio picked before the page's script ran, and replayed, never reached state.
          const chosen = offered.find((o) => o.value === data.get("method")) ?? option;
          if (chosen) setSelected(chosen.value);
          if (held(chosen?.kind)) return setMode("held");
          setMode("sent");
          sendAction(data);
        }}
        className="space-y-4"
      >
        {hiddenInputs}
        {sent.error && <Notice tone="error">{feedback(sent.error)}</Notice>}
        <fieldset ref={methods} className="space-y-2">
          <legend className="mb-2 text-sm font-medium text-slate-800">{t("chooseMethod")}</legend>
          {offered.map((o) => (
            <label key={o.value} className="flex cursor-pointer items-start gap-3 rounded-lg border border-slate-200 p-3 hover:bg-slate-50 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
              <input type="radio" name="method" value={o.value} checked={selected === o.value} onChange={() => setSelected(o.value)} className="mt-1" />
              <span className="text-sm">
                <span className="font-medium text-slate-900">{optionTitle(t, o)}</span>
                <span className="block text-slate-600">{optionHint(t, o)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <SubmitButton pendingLabel={t("sending")}>{held(option?.kind) ? t("continue") : t("send")}</SubmitButton>
      </form>
    );
  }

  if (mode === "held" && option?.kind === "passkey") {
    return (
      <form
        action={async (data) => {
          setPasskeyError(null);
          try {
            data.set("passkeyResponse", await getPasskeyAssertion(passkeyPurpose!));
          } catch (error) {
            return setPasskeyError(error instanceof Error && error.message === "unsupported" ? "passkeyUnsupported" : "passkeyCancelled");
          }
          startTransition(() => verifyAction(data));
        }}
        className="space-y-4"
      >
        {hiddenInputs}
        <input type="hidden" name="method" value="passkey" />
        <p className="text-sm text-slate-700">{t("passkeyLead")}</p>
        {(passkeyError || verified.error) && <Notice tone="error">{passkeyError ? t(passkeyError as "passkeyCancelled") : feedback(verified.error!)}</Notice>}
        {extra}
        <div className="flex flex-wrap items-center gap-4">
          <SubmitButton pendingLabel={t("passkeyWaiting")}>{t("usePasskey")}</SubmitButton>
          {otherMethod}
        </div>
      </form>
    );
  }

  const heldKind = mode === "held" ? option?.kind : undefined;
  const error = denied ? { key: "denied" } : verified.error;
  return (
    <div className="space-y-4">
      {mode === "sent" &&
        (sent.textProblem === "failed" ? (
          <Notice tone="error">{t("smsFailed")}</Notice>
        ) : (
          <Notice tone="info">
            {sent.kind === "sms" ? t("sentSms", { destination: sent.destination ?? "" }) : t("sentDevice")}
            {sent.textProblem === "delayed" && <span className="mt-1 block">{t("smsDelayed")}</span>}
          </Notice>
        ))}
      {mode === "sent" && sent.error && <Notice tone="error">{feedback(sent.error)}</Notice>}
      <form action={verifyAction} className="space-y-4" noValidate>
        {hiddenInputs}
        {heldKind ? <input type="hidden" name="method" value={heldKind} /> : <input type="hidden" name="challengeId" value={sent.challengeId} />}
        {heldKind === "backup_code" ? (
          <TextField
            id="code"
            label={t("backupCode")}
            hint={t("backupCodeHint")}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={13}
            required
            autoFocus
            error={error ? feedback(error) : undefined}
            className={`${codeInputClass} w-56 tracking-wider`}
          />
        ) : (
          <CodeField
            id="code"
            label={heldKind === "totp" ? t("totpCode") : t("code")}
            hint={heldKind === "totp" ? t("totpCodeHint") : t("codeHint")}
            autoFocus
            error={error ? feedback(error) : undefined}
          />
        )}
        {extra}
        <SubmitButton pendingLabel={t("verifying")} className="w-full sm:w-auto">
          {verifyLabel ?? t("verify")}
        </SubmitButton>
      </form>
      <div className="flex flex-wrap gap-4 text-sm">
        {mode === "sent" && (
          <form action={sendAction}>
            {hiddenInputs}
            <input type="hidden" name="method" value={sent.choice} />
            <button type="submit" className={linkButton}>{t("resend")}</button>
          </form>
        )}
        {otherMethod}
      </div>
    </div>
  );
}

type T = ReturnType<typeof useTranslations<"codeChallenge">>;

function optionTitle(t: T, o: SecondFactorOption) {
  switch (o.kind) {
    case "sms":
      return t("viaSms", { phone: o.label });
    case "device":
      return t("viaDevice", { count: Number(o.label) });
    case "totp":
      return t("viaTotp");
    case "passkey":
      return t("viaPasskey");
    case "backup_code":
      return t("viaBackupCode");
  }
}

function optionHint(t: T, o: SecondFactorOption) {
  switch (o.kind) {
    case "sms":
      return t("viaSmsHint");
    case "device":
      return t("viaDeviceHint");
    case "totp":
      return t("viaTotpHint");
    case "passkey":
      return t("viaPasskeyHint", { count: Number(o.label) });
    case "backup_code":
      return t("viaBackupCodeHint", { count: Number(o.label) });
  }
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
