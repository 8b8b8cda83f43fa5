import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { CodeChallenge } from "@/components/two-step/code-challenge";
import { requireUser } from "@/lib/auth/current-user";
import { safeRedirect } from "@/lib/forms/safe-redirect";
import { listSecurityQuestions } from "@/lib/security-questions/security-questions";
import { readDeviceToken } from "@/lib/two-step/device-cookie";
import { listSecondFactorOptions } from "@/lib/two-step/second-factor-options";
import { isStepUpAction, isStepUpFresh } from "@/lib/two-step/step-up";
import { sendStepUpCodeAction, verifyStepUpCodeAction } from "./actions";
import { StepUpQuestionsForm } from "./questions-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("stepUp");
  return { title: t("title") };
}

/**
 * Step-up before a sensitive change (lib/two-step/step-up.ts sends people here): a code to a trusted phone or device
 * with 2SV on, the three security questions without it. The proof covers this one action for 10 minutes.
 */
export default async function ConfirmPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = safeRedirect(params.next);
  const self = `/account/confirm?action=${String(params.action)}&next=${encodeURIComponent(next)}`;
  const { user, session } = await requireUser(self);
  const action = params.action;
  if (!isStepUpAction(action)) notFound();
  if (await isStepUpFresh({ sessionId: session.id, action })) redirect(next);

  const t = await getTranslations("stepUp");
  let body: React.ReactNode;
  if (user.twoStepEnabledAt) {
    body = (
      <>
        <p className="mb-4 text-sm text-slate-600">{t("codeLead")}</p>
        <CodeChallenge options={await listSecondFactorOptions(user.id, { exceptDeviceToken: await readDeviceToken() })} send={sendStepUpCodeAction} verify={verifyStepUpCodeAction} hidden={{ action, next }} verifyLabel={t("submit")} passkeyPurpose="step_up" />
      </>
    );
  } else {
    const [questions, tq] = await Promise.all([listSecurityQuestions(user.id), getTranslations("questions")]);
    body =
      questions.length === 3 ? (
        <>
          <p className="mb-4 text-sm text-slate-600">{t("questionsLead")}</p>
          <StepUpQuestionsForm action={action} next={next} questions={questions.map((q) => ({ position: q.position, label: tq(q.questionKey as "firstPet") }))} />
        </>
      ) : (
        <div className="space-y-4">
          <Notice tone="warning">{t("noQuestions")}</Notice>
          <Link href={`/account/questions?next=${encodeURIComponent(self)}`} className={buttonClass("primary")}>
            {t("setQuestions")}
          </Link>
        </div>
      );
  }

  return (
    <ClientMessages namespaces={["codeChallenge", "stepUp"]}>
      <div className="mx-auto max-w-md">
        <h1 className="text-2xl font-bold text-slate-900">{t("title")}</h1>
        <p className="mt-2 text-sm text-slate-600">{t("lead", { action })}</p>
        <div className="mt-6 rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">{body}</div>
        <p className="mt-4 text-sm">
          {/* Staff pages show without a confirmation (only their changes need one): back there. An account page that
              needs one to open would only send the person here again. */}
          <Link href={action === "rollout" || action === "staff" ? next : "/account"} className="font-medium text-slate-700 underline-offset-2 hover:underline">
            {t("cancel")}
          </Link>
        </p>
      </div>
    </ClientMessages>
  );
}
