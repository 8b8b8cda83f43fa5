import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { safeRedirect } from "@/lib/forms/safe-redirect";
import { hasSecurityQuestions } from "@/lib/security-questions/security-questions";
import { requireStepUp } from "@/lib/two-step/step-up";
import { QuestionsForm } from "./questions-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("security");
  return { title: t("questionsTitle") };
}

/**
 * Security questions "at first need": the security page sends accounts without 2SV here, and so can any flow that
 * needs them (e.g. step-up) with ?next=<where to go back>. Changing existing answers needs a step-up first.
 */
export default async function QuestionsPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = safeRedirect((await searchParams).next, "/account/security");
  const returnTo = `/account/questions?next=${encodeURIComponent(next)}`;
  const { user, session } = await requireUser(returnTo);
  const t = await getTranslations("questionsForm");

  if (user.twoStepEnabledAt) {
    return (
      <div className="mx-auto max-w-xl space-y-4">
        <h1 className="text-2xl font-bold text-slate-900">{t("title")}</h1>
        <Notice tone="info">{t("replacedBy2sv")}</Notice>
        <Link href="/account/security" className={buttonClass("secondary")}>{t("toSecurity")}</Link>
      </div>
    );
  }
  const existing = await hasSecurityQuestions(user.id);
  if (existing) await requireStepUp({ sessionId: session.id, action: "security_questions", returnTo });

  return (
    <ClientMessages namespaces={["questions", "questionsForm"]}>
      <div className="mx-auto max-w-xl space-y-6">
        <div>
          <h1 className="text-2xl font-bold text-slate-900">{existing ? t("changeTitle") : t("title")}</h1>
          <p className="mt-2 text-slate-600">{t("lead")}</p>
        </div>
        <div className="rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <QuestionsForm next={next} askPassword={!existing} />
        </div>
      </div>
    </ClientMessages>
  );
}
