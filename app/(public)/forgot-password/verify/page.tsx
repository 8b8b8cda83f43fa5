import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { CodeChallenge } from "@/components/two-step/code-challenge";
import { recoveryAttemptStatus } from "@/lib/recovery/recovery-attempt-status";
import { readRecoveryAttempt } from "@/lib/recovery/recovery-cookie";
import { readDeviceToken } from "@/lib/two-step/device-cookie";
import { listSecondFactorOptions, recoveryKinds } from "@/lib/two-step/second-factor-options";
import { sendRecoveryCodeAction, verifyRecoveryCodeAction } from "../actions";

// Read once per request: the title and the page both depend on it.
const loadAttempt = cache(async () => {
  const attempt = await readRecoveryAttempt();
  return { attempt, status: await recoveryAttemptStatus(attempt) };
});

export async function generateMetadata(): Promise<Metadata> {
  const [t, { status }] = await Promise.all([getTranslations("forgotPassword"), loadAttempt()]);
  return { title: status === "reset" ? t("doneTitle") : t("codeTitle") };
}

export default async function RecoveryCodePage() {
  const { attempt, status } = await loadAttempt();
  if (status === "ready") redirect("/forgot-password/new-password");
  const t = await getTranslations("forgotPassword");
  return (
    <ClientMessages namespaces={["codeChallenge"]}>
      <div className="mx-auto max-w-md">
        <h1 className="text-2xl font-bold text-slate-900">{status === "reset" ? t("doneTitle") : t("codeTitle")}</h1>
        {status === "reset" ? (
          <div className="mt-6 space-y-4">
            <Notice tone="success">{t("alreadyReset")}</Notice>
            <Link href="/sign-in" className={buttonClass("primary")}>{t("signIn")}</Link>
          </div>
        ) : status === "closed" || !attempt ? (
          <div className="mt-6 space-y-4">
            <Notice tone="warning">{t("expired")}</Notice>
            <Link href="/forgot-password" className={buttonClass("primary")}>{t("startAgain")}</Link>
          </div>
        ) : (
          <>
            <p className="mt-2 text-sm text-slate-600">{t("codeLead")}</p>
            <div className="mt-6 rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
              <CodeChallenge options={await listSecondFactorOptions(attempt.userId, { kinds: recoveryKinds, exceptDeviceToken: await readDeviceToken() })} send={sendRecoveryCodeAction} verify={verifyRecoveryCodeAction} verifyLabel={t("codeVerify")} />
            </div>
          </>
        )}
      </div>
    </ClientMessages>
  );
}
