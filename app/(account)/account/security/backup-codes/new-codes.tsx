"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Notice } from "@/components/ui/card";
import { SubmitButton } from "@/components/ui/submit-button";

/**
 * How many codes are left and "Get new codes", then the ten new codes — shown this once — with copy, download and
 * print. The count follows the new codes (the page itself is not read again).
 */
export function NewBackupCodes({ action, left, low }: { action: () => Promise<{ codes: string[] }>; left: number; low: boolean }) {
  const t = useTranslations("backupCodes");
  const [state, formAction] = useActionState(async () => action(), { codes: [] as string[] });
  const [copied, setCopied] = useState(false);
  const text = state.codes.join("\n");

  const count = <p className="text-sm text-slate-700" data-testid="backup-codes-left">{t("left", { count: state.codes.length || left })}</p>;

  if (!state.codes.length) {
    return (
      <>
        {count}
        {low && <Notice tone="warning">{t("runningLow", { count: left })}</Notice>}
        <form action={formAction} className="space-y-3">
          {left > 0 && <p className="text-sm text-slate-600">{t("replaceWarning")}</p>}
          <SubmitButton pendingLabel={t("creating")}>{left > 0 ? t("regenerate") : t("create")}</SubmitButton>
        </form>
      </>
    );
  }
  return (
    <div className="space-y-4">
      {count}
      <Notice tone="warning">{t("showOnce")}</Notice>
      <ol className="grid grid-cols-1 gap-2 font-mono text-base text-slate-900 sm:grid-cols-2" aria-label={t("yourCodes")} data-testid="backup-codes">
        {state.codes.map((c) => (
          <li key={c} className="rounded-lg bg-slate-50 px-3 py-2 tracking-wider ring-1 ring-slate-200">{c}</li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-3 text-sm">
        <button type="button" className="font-medium text-brand-700 underline-offset-2 hover:underline" onClick={() => navigator.clipboard?.writeText(text).then(() => setCopied(true), () => {})}>
          {copied ? t("copied") : t("copy")}
        </button>
        <a className="font-medium text-brand-700 underline-offset-2 hover:underline" download="stepwise-backup-codes.txt" href={`data:text/plain;charset=utf-8,${encodeURIComponent(`${t("fileHeader")}\n\n${text}\n`)}`}>
          {t("download")}
        </a>
        <button type="button" className="font-medium text-brand-700 underline-offset-2 hover:underline" onClick={() => window.print()}>
          {t("print")}
        </button>
      </div>
    </div>
  );
}
