"use client";

import { useActionState, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { CodeField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

export interface AuthenticatorSetup {
  setupId: string;
  secret: string;
  /** The otpauth:// address as an image data URL. */
  qr: string;
}

export interface ConfirmAuthenticatorState {
  error?: "codeRequired" | "wrongCode" | "setupExpired";
}

/**
 * Adds an authenticator app: a new secret as a QR code and as text (for apps that cannot scan), then the app's
 * current code to prove it holds the secret. Nothing counts until that code is right.
 */
export function AuthenticatorSetupFlow({
  start,
  confirm,
  startLabel,
}: {
  start: () => Promise<AuthenticatorSetup>;
  confirm: (state: ConfirmAuthenticatorState, data: FormData) => Promise<ConfirmAuthenticatorState>;
  startLabel: string;
}) {
  const t = useTranslations("authenticator");
  const [setup, setSetup] = useState<AuthenticatorSetup | null>(null);
  const [starting, startTransition] = useTransition();
  const [state, confirmAction] = useActionState(confirm, {});
  const [copied, setCopied] = useState(false);

  if (!setup) {
    return (
      <Button type="button" disabled={starting} onClick={() => startTransition(async () => setSetup(await start()))}>
        {starting ? t("preparing") : startLabel}
      </Button>
    );
  }

  const grouped = setup.secret.match(/.{1,4}/g)!.join(" ");
  return (
    <div className="space-y-5">
      <ol className="space-y-5 text-sm text-slate-700">
        <li className="space-y-3">
          <p>
            <span className="font-semibold text-slate-900">1. </span>
            {t("scan")}
          </p>
          {/* eslint-disable-next-line @next/next/no-img-element -- a data URL made on the server; nothing to optimise */}
          <img src={setup.qr} alt={t("qrAlt")} width={176} height={176} className="h-44 w-44 rounded-lg bg-white p-1 ring-1 ring-slate-200" />
          <div>
            <p>{t("cantScan")}</p>
            <div className="mt-1 flex flex-wrap items-center gap-3">
              <code className="rounded bg-slate-100 px-2 py-1 font-mono text-sm tracking-wider text-slate-900" data-testid="totp-secret">
                {grouped}
              </code>
              <button
                type="button"
                className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline"
                onClick={() => navigator.clipboard?.writeText(setup.secret).then(() => setCopied(true), () => {})}
              >
                {copied ? t("copied") : t("copy")}
              </button>
            </div>
            <p className="mt-1 text-xs text-slate-600">{t("settings")}</p>
          </div>
        </li>
        <li>
          <span className="font-semibold text-slate-900">2. </span>
          {t("enterCode")}
        </li>
      </ol>
      {state.error === "setupExpired" && <Notice tone="error">{t("errors.setupExpired")}</Notice>}
      <form action={confirmAction} className="space-y-4" noValidate>
        <input type="hidden" name="setupId" value={setup.setupId} />
        <CodeField
          id="totp-code"
          name="code"
          label={t("code")}
          hint={t("codeHint")}
          error={state.error && state.error !== "setupExpired" ? t(`errors.${state.error}`) : undefined}
        />
        <SubmitButton pendingLabel={t("confirming")}>{t("confirm")}</SubmitButton>
      </form>
    </div>
  );
}
