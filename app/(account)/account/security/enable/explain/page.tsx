import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { buttonClass } from "@/components/ui/button";
import { loadWizard } from "../../_components/load-wizard";
import { WaitingNotice } from "../../_components/waiting-notice";
import { WizardShell } from "../../_components/wizard-shell";
import { hasSecurityQuestions } from "@/lib/security-questions/security-questions";
import { stepPath } from "@/lib/two-step/enrollment/steps";
import { requireStepUp } from "@/lib/two-step/step-up";
import { ExplainForm } from "./explain-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("enrollment");
  return { title: t("explain.title") };
}

export default async function ExplainStep() {
  const { status, enrollment, proved, reached, user, session } = await loadWizard("explain");
  // Turning 2SV on replaces the questions and decides who can get back in: whoever has them answers them first (as
  // Apple asked in 2013), so a password alone is not enough to take an account over with a phone of one's own.
  const willAsk = status.status !== "waiting" && !proved;
  if (willAsk && (await hasSecurityQuestions(user.id))) await requireStepUp({ sessionId: session.id, action: "enable_two_step", returnTo: stepPath("explain") });
  const t = await getTranslations("enrollment");
  const points = ["codesToSignIn", "codesBeforeChanges", "keepKey", "noReset", "questionsGo"] as const;
  return (
    <ClientMessages namespaces={["enrollment"]}>
      <WizardShell step="explain" reached={reached} started={!!enrollment} title={t("explain.title")} lead={t("explain.lead")}>
        <div className="space-y-6">
          <ul className="space-y-3">
            {points.map((p) => (
              <li key={p} className="flex gap-3 text-sm text-slate-700">
                <span aria-hidden className="mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full bg-brand-100 text-xs font-bold text-brand-800">
                  ✓
                </span>
                <span>
                  <span className="block font-semibold text-slate-900">{t(`explain.${p}Title`)}</span>
                  {t(`explain.${p}`)}
                </span>
              </li>
            ))}
          </ul>
          {status.status === "waiting" ? (
            <WaitingNotice period={status.period} />
          ) : proved ? (
            <div className="border-t border-slate-100 pt-5">
              <p className="mb-3 text-sm text-slate-600">{t("explain.alreadyConfirmed")}</p>
              <Link href={stepPath(reached)} className={buttonClass()}>
                {t("continue")}
              </Link>
            </div>
          ) : (
            <div className="border-t border-slate-100 pt-5">
              {enrollment && <p className="mb-3 text-sm text-slate-600">{t("explain.confirmAgain")}</p>}
              <ExplainForm />
            </div>
          )}
        </div>
      </WizardShell>
    </ClientMessages>
  );
}
