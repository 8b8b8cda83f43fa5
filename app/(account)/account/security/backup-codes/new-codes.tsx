"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Notice } from "@/components/ui/card";
import { SubmitButton } from "@/components/ui/submit-button";

/** "Get new codes", then the ten codes — shown this once — with copy, download and print. */
export function NewBackupCodes({ action, hasCodes }: { action: () => Promise<{ codes: string[] }>; hasCodes: boolean }) {
  const t = useTranslations("backupCodes");
  const [state, formAction] = useActionState(async () => action(), { codes: [] as string[] });
  const [copied, setCopied] = useState(false);
  const text = state.codes.join("\n");

  if (!state.codes.length) {
    return (
      <form action={formAction} className="space-y-3">
        {hasCodes && <p className="text-sm text-slate-600">{t("replaceWarning")}</p>}
        <SubmitButton pendingLabel={t("creating")}>{hasCodes ? t("regenerate") : t("create")}</SubmitButton>
      </form>
    );
  }
  return (
    <div className="space-y-4">
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
