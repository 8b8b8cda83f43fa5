import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { StepUpCodeChallenge, StepUpPrompt } from "@/components/two-step/step-up-prompt";
import { requireUser } from "@/lib/auth/current-user";
import { safeRedirect } from "@/lib/forms/safe-redirect";
import { listSecurityQuestions } from "@/lib/security-questions/security-questions";
import { isStepUpAction, isStepUpFresh } from "@/lib/two-step/step-up";
import { StepUpQuestionsForm } from "./questions-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("stepUp");
  return { title: t("title") };
}

/**
 * Step-up before a sensitive change (lib/two-step/step-up.ts sends people here): a code to a trusted phone or device
 * with 2SV on, the three security questions without it. The proof covers this one action for 10 minutes. Staff
 * actions are confirmed at /admin/confirm, inside the console.
 */
export default async function ConfirmPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = safeRedirect(params.next);
  const self = `/account/confirm?action=${String(params.action)}&next=${encodeURIComponent(next)}`;
  const { user, session } = await requireUser(self);
  const action = params.action;
  if (!isStepUpAction(action)) notFound();
  if (await isStepUpFresh({ sessionId: session.id, action })) redirect(next);

  // Staff confirm launches and role changes in the console's own frame.
  if (action === "rollout" || action === "staff") redirect(`/admin/confirm?action=${action}&next=${encodeURIComponent(next)}`);

  // An account page that needs a confirmation to open would only send the person here again: Cancel goes to /account.
  if (user.twoStepEnabledAt) {
    return (
      <ClientMessages namespaces={["codeChallenge", "stepUp"]}>
        <StepUpPrompt action={action} cancelHref="/account">
          <StepUpCodeChallenge userId={user.id} action={action} next={next} />
        </StepUpPrompt>
      </ClientMessages>
    );
  }
  const [questions, t, tq] = await Promise.all([listSecurityQuestions(user.id), getTranslations("stepUp"), getTranslations("questions")]);
  return (
    <ClientMessages namespaces={["codeChallenge", "stepUp"]}>
      <StepUpPrompt action={action} cancelHref="/account">
        {questions.length === 3 ? (
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
        )}
      </StepUpPrompt>
    </ClientMessages>
  );
}
