import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { recoveryAttemptStatus } from "@/lib/recovery/recovery-attempt-status";
import { readRecoveryAttempt } from "@/lib/recovery/recovery-cookie";
import { NewPasswordForm } from "./new-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("forgotPassword");
  return { title: t("newPasswordTitle") };
}

export default async function NewPasswordPage() {
  // Only after the Recovery Key AND a code of this very attempt; anything else goes back a step.
  if ((await recoveryAttemptStatus(await readRecoveryAttempt())) !== "ready") redirect("/forgot-password/verify");
  const t = await getTranslations("forgotPassword");
  return (
    <ClientMessages namespaces={["accountForms", "forgotPassword", "newRecoveryKey", "passwordWeakness", "validation"]}>
      <div className="mx-auto max-w-md">
        <div className="rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <NewPasswordForm title={t("newPasswordTitle")} lead={t("newPasswordLead")} />
        </div>
      </div>
    </ClientMessages>
  );
}
