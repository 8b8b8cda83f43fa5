import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { readPasswordResetLink } from "@/lib/recovery/reset-link";
import { listSecurityQuestions } from "@/lib/security-questions/security-questions";
import { ResetForm } from "./reset-form";

// The token must not leak to other sites through the Referer header.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("passwordReset");
  return { title: t("title"), referrer: "no-referrer" };
}

/** Where the emailed link lands (accounts without 2SV): the security questions and a new password. */
export default async function ResetPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const raw = (await searchParams).token;
  const token = typeof raw === "string" ? raw : "";
  const [t, tq, link] = await Promise.all([getTranslations("passwordReset"), getTranslations("questions"), readPasswordResetLink(token)]);
  const questions = link?.hasQuestions ? await listSecurityQuestions(link.user.id) : [];
  return (
    <ClientMessages namespaces={["accountForms", "passwordReset", "passwordWeakness", "stepUp", "validation"]}>
      <div className="mx-auto max-w-md">
        <h1 className="text-2xl font-bold text-slate-900">{t("title")}</h1>
        {!link ? (
          <div className="mt-6 space-y-4">
            <Notice tone="error">{t("linkInvalid")}</Notice>
            <Link href="/forgot-password" className={buttonClass("secondary")}>{t("requestNew")}</Link>
          </div>
        ) : (
          <>
            <p className="mt-2 text-sm text-slate-600">{link.hasQuestions ? t("lead") : link.retiresQuestions ? t("leadRetiresQuestions") : t("leadNoQuestions")}</p>
            <div className="mt-6 rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
              <ResetForm token={token} questions={questions.map((q) => ({ position: q.position, label: tq(q.questionKey as "firstPet") }))} />
            </div>
          </>
        )}
      </div>
    </ClientMessages>
  );
}
