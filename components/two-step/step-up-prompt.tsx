import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CodeChallenge } from "@/components/two-step/code-challenge";
import { sendStepUpCodeAction, verifyStepUpCodeAction } from "@/app/(account)/account/confirm/actions";
import { readDeviceToken } from "@/lib/two-step/device-cookie";
import { listSecondFactorOptions } from "@/lib/two-step/second-factor-options";
import type { StepUpAction } from "@/lib/two-step/step-up";

/**
 * "Confirm it's you" before a sensitive change (lib/two-step/step-up.ts): the heading, what is being confirmed, the
 * way to prove it, and a way back. The account pages and the staff console each show it in their own frame, and hand
 * its client components their messages (ClientMessages: codeChallenge, and stepUp for the questions form).
 */
export async function StepUpPrompt({ action, cancelHref, children }: { action: StepUpAction; cancelHref: string; children: React.ReactNode }) {
  const t = await getTranslations("stepUp");
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold text-slate-900">{t("title")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("lead", { action })}</p>
      <div className="mt-6 rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">{children}</div>
      <p className="mt-4 text-sm">
        <Link href={cancelHref} className="font-medium text-slate-700 underline-offset-2 hover:underline">
          {t("cancel")}
        </Link>
      </p>
    </div>
  );
}

/** With 2SV on: a code to a trusted phone or another trusted device (this browser would never see its own prompt). */
export async function StepUpCodeChallenge({ userId, action, next }: { userId: string; action: StepUpAction; next: string }) {
  const t = await getTranslations("stepUp");
  return (
    <>
      <p className="mb-4 text-sm text-slate-600">{t("codeLead")}</p>
      <CodeChallenge
        options={await listSecondFactorOptions(userId, { exceptDeviceToken: await readDeviceToken() })}
        send={sendStepUpCodeAction}
        verify={verifyStepUpCodeAction}
        hidden={{ action, next }}
        verifyLabel={t("submit")}
        passkeyPurpose="step_up"
      />
    </>
  );
}
