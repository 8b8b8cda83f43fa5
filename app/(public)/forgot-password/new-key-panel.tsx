"use client";

import { useActionState, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

export interface KeyConfirmState {
  error?: string;
  confirmed?: boolean;
}

/**
 * A new Recovery Key, shown once (copy, print, download), and a field to type it back. Used after a password reset
 * and when a signed-in owner replaces a lost key; each passes its own confirm action and hidden fields.
 */
export function NewKeyPanel({
  keyText,
  email,
  confirm,
  hidden = {},
  done,
}: {
  keyText: string;
  email: string;
  confirm: (state: KeyConfirmState, data: FormData) => Promise<KeyConfirmState>;
  hidden?: Record<string, string>;
  done: ReactNode;
}) {
  const t = useTranslations("newRecoveryKey");
  const [state, action] = useActionState(confirm, {});
  const [copied, setCopied] = useState(false);
  const fileText = t("fileText", { email, key: keyText });

  if (state.confirmed) return <div className="space-y-4">{done}</div>;

  async function copy() {
    try {
      await navigator.clipboard.writeText(keyText);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }
  function download() {
    const url = URL.createObjectURL(new Blob([`${fileText}\n`], { type: "text/plain;charset=utf-8" }));
    const a = Object.assign(document.createElement("a"), { href: url, download: "stepwise-recovery-key.txt" });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
  function print() {
    // Prints only the key, not the page around it.
    const frame = document.createElement("iframe");
    frame.setAttribute("aria-hidden", "true");
    frame.style.cssText = "position:fixed;width:0;height:0;border:0";
    document.body.append(frame);
    const pre = frame.contentDocument!.createElement("pre");
    pre.textContent = fileText;
    frame.contentDocument!.body.append(pre);
    frame.contentWindow!.print();
    setTimeout(() => frame.remove(), 1000);
  }

  return (
    <div className="space-y-5">
      <div className="rounded-xl border-2 border-dashed border-slate-300 bg-slate-50 p-5 text-center">
        <p id="new-key-label" className="text-sm font-medium text-slate-600">{t("label")}</p>
        <p aria-labelledby="new-key-label" data-testid="new-recovery-key" className="mt-2 select-all whitespace-nowrap font-mono text-xl font-semibold tracking-wider text-slate-900 sm:text-2xl">
          {keyText}
        </p>
        <div className="mt-4 flex flex-wrap justify-center gap-2">
          <Button type="button" variant="secondary" onClick={copy}>{copied ? t("copied") : t("copy")}</Button>
          <Button type="button" variant="secondary" onClick={print}>{t("print")}</Button>
          <Button type="button" variant="secondary" onClick={download}>{t("download")}</Button>
        </div>
      </div>
      <Notice tone="warning">{t("keep")}</Notice>
      <form action={action} noValidate className="space-y-4">
        {Object.entries(hidden).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
        {state.error && !["keyRequired", "mismatch"].includes(state.error) && <Notice tone="error">{t(state.error as "expired")}</Notice>}
        <TextField
          id="key"
          label={t("confirmLabel")}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          required
          maxLength={40}
          error={state.error === "keyRequired" || state.error === "mismatch" ? t(state.error) : undefined}
          className="block w-full max-w-xs rounded-lg border bg-white px-3 py-2 font-mono text-lg uppercase tracking-widest shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30"
        />
        <SubmitButton pendingLabel={t("confirming")}>{t("confirmSubmit")}</SubmitButton>
      </form>
    </div>
  );
}
