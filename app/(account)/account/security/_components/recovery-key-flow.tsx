"use client";

import { useActionState, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

export interface CreateKeyState {
  key?: string;
  error?: string;
}

export interface ConfirmKeyState {
  errors?: { key?: string; understood?: string };
  error?: string;
}

/**
 * A Recovery Key shown once (copy, print, download as .txt), then re-entered with an "I understand" box. The key
 * lives only in this component's state: reloading the page hides it for good, and only a new key can be made.
 */
export function RecoveryKeyFlow({
  create,
  confirm,
  hasPending,
  email,
  createLabel,
}: {
  create: (state: CreateKeyState, data: FormData) => Promise<CreateKeyState>;
  confirm: (state: ConfirmKeyState, data: FormData) => Promise<ConfirmKeyState>;
  hasPending: boolean;
  email: string;
  createLabel: string;
}) {
  const t = useTranslations("recoveryKey");
  const [created, createAction] = useActionState(create, {});
  const [confirmed, confirmAction] = useActionState(confirm, {});
  const [stage, setStage] = useState<"show" | "confirm">("show");
  // Held here, not in the form: a refused try (a mistyped key) resets the form, and the tick should survive it. The
  // key itself is a secret, so it is typed again.
  const [understood, setUnderstood] = useState(false);
  const key = created.key;

  const createForm = (label: string, variant: "primary" | "secondary") => (
    <form action={(data) => { setStage("show"); createAction(data); }}>
      <SubmitButton variant={variant} pendingLabel={t("creating")}>{label}</SubmitButton>
    </form>
  );

  if (!key && !hasPending) {
    return (
      <div className="space-y-4">
        {created.error && <Notice tone="error">{t(created.error as "notEnrolling")}</Notice>}
        {createForm(createLabel, "primary")}
      </div>
    );
  }

  if (key && stage === "show") {
    return (
      <div className="space-y-5">
        <KeyCard keyText={key} email={email} />
        <Notice tone="warning">{t("showOnce")}</Notice>
        <Button type="button" onClick={() => setStage("confirm")}>{t("saved")}</Button>
      </div>
    );
  }

  return (
    <div className="space-y-5">
      {!key && <Notice tone="info">{t("pendingHidden")}</Notice>}
      {confirmed.error && <Notice tone="error">{t(confirmed.error as "notEnrolling")}</Notice>}
      <form action={confirmAction} noValidate className="space-y-4">
        <TextField
          id="key"
          label={t("reenter")}
          hint={t("reenterHint")}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          required
          error={confirmed.errors?.key ? t(confirmed.errors.key as "wrongKey") : undefined}
          className="block w-full max-w-xs rounded-lg border bg-white px-3 py-2 font-mono text-lg uppercase tracking-widest shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30"
        />
        <div className="space-y-1.5">
          <label className="flex items-start gap-3 rounded-lg border border-slate-200 p-3 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
            <input
              type="checkbox"
              name="understood"
              checked={understood}
              onChange={(event) => setUnderstood(event.target.checked)}
              className="mt-1"
              aria-invalid={confirmed.errors?.understood ? true : undefined}
              aria-describedby={confirmed.errors?.understood ? "understood-error" : undefined}
            />
            <span className="text-slate-800">{t("understand")}</span>
          </label>
          {confirmed.errors?.understood && (
            <p id="understood-error" role="alert" className="text-sm text-red-700">{t(confirmed.errors.understood as "mustUnderstand")}</p>
          )}
        </div>
        <div className="flex flex-wrap items-center gap-4">
          <SubmitButton pendingLabel={t("confirming")}>{t("confirm")}</SubmitButton>
          {key ? (
            <button type="button" onClick={() => setStage("show")} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
              {t("showAgain")}
            </button>
          ) : null}
        </div>
      </form>
      {!key && (
        <div className="border-t border-slate-100 pt-4">
          <p className="mb-3 text-sm text-slate-600">{t("lostIt")}</p>
          {createForm(t("createNew"), "secondary")}
        </div>
      )}
    </div>
  );
}

function KeyCard({ keyText, email }: { keyText: string; email: string }) {
  const t = useTranslations("recoveryKey");
  const format = useFormatter();
  const [copied, setCopied] = useState(false);
  const fileText = t("fileText", { key: keyText, email, date: format.dateTime(new Date(), { dateStyle: "long" }) });

  async function copy() {
    try {
      await navigator.clipboard.writeText(keyText);
      setCopied(true);
      setTimeout(() => setCopied(false), 3000);
    } catch {
      setCopied(false);
    }
  }

  function download() {
    const url = URL.createObjectURL(new Blob([fileText], { type: "text/plain;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = "stepwise-recovery-key.txt";
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  // Prints only the key sheet, not the page around it.
  function print() {
    const frame = document.createElement("iframe");
    frame.setAttribute("aria-hidden", "true");
    frame.style.cssText = "position:fixed;width:0;height:0;border:0;right:0;bottom:0";
    document.body.append(frame);
    const doc = frame.contentDocument!;
    const pre = doc.createElement("pre");
    pre.textContent = fileText;
    pre.style.cssText = "font:16px/1.6 ui-monospace,monospace;white-space:pre-wrap";
    doc.body.append(pre);
    frame.contentWindow!.focus();
    frame.contentWindow!.print();
    setTimeout(() => frame.remove(), 1000);
  }

  return (
    <div className="rounded-xl border-2 border-dashed border-slate-300 bg-slate-50 p-5 text-center">
      <p className="text-sm font-medium text-slate-600" id="recovery-key-label">{t("yourKey")}</p>
      <p aria-labelledby="recovery-key-label" data-testid="recovery-key" className="mt-2 select-all whitespace-nowrap font-mono text-xl font-semibold tracking-wider text-slate-900 sm:text-3xl sm:tracking-widest">
        {keyText}
      </p>
      <div className="mt-4 flex flex-wrap justify-center gap-2">
        <Button type="button" variant="secondary" onClick={copy}>{t("copy")}</Button>
        <Button type="button" variant="secondary" onClick={print}>{t("print")}</Button>
        <Button type="button" variant="secondary" onClick={download}>{t("download")}</Button>
      </div>
      <p role="status" className="mt-2 h-5 text-sm text-emerald-700">{copied ? t("copied") : ""}</p>
    </div>
  );
}
