"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { getPasskeyAssertion } from "@/components/two-step/passkey-assertion";
import { Notice } from "@/components/ui/card";
import { SubmitButton } from "@/components/ui/submit-button";
import { passkeySignInAction } from "./passkey-actions";

type Problem = "cancelled" | "unsupported" | "throttled" | "failed";
const problems: Problem[] = ["cancelled", "unsupported", "throttled", "failed"];

/** "Sign in with a passkey": no email, no password; the browser offers the passkeys it holds for this site. */
export function PasskeySignIn({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("passkeySignIn");
  const [problem, setProblem] = useState<Problem | null>(null);

  async function signInWithPasskey() {
    setProblem(null);
    let response: string;
    try {
      response = await getPasskeyAssertion("passwordless");
    } catch (error) {
      const reason = error instanceof Error ? (error.message as Problem) : "failed";
      return setProblem(problems.includes(reason) ? reason : "failed");
    }
    // On success the action redirects, like the password form.
    const result = await passkeySignInAction({ response, callbackUrl });
    if (result.error) setProblem("failed");
  }

  return (
    <form action={signInWithPasskey} className="mt-6 space-y-4">
      <div className="flex items-center gap-3 text-xs uppercase tracking-wide text-slate-500" aria-hidden>
        <span className="h-px flex-1 bg-slate-200" />
        {t("or")}
        <span className="h-px flex-1 bg-slate-200" />
      </div>
      {problem && <Notice tone="error">{t(`errors.${problem}`)}</Notice>}
      <SubmitButton variant="secondary" pendingLabel={t("waiting")} className="w-full">
        <svg aria-hidden viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
          <circle cx="8" cy="9" r="4" />
          <path d="M2 21v-1a6 6 0 0 1 9-5.2M15 13a3 3 0 1 1 3.5 3v5l-1.5-1.5L18.5 18l-1.5-1.5 1.5-1.5" />
        </svg>
        {t("submit")}
      </SubmitButton>
      <p className="text-center text-xs text-slate-600">{t("hint")}</p>
    </form>
  );
}
