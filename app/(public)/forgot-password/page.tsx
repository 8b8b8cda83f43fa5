import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmailLinkForm } from "./email-link-form";
import { RecoveryKeyForm } from "./key-form";
import { ClientMessages } from "@/components/layout/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("forgotPassword");
  return { title: t("title") };
}

/**
 * Two doors, and the visitor knows which is theirs: with 2SV, the Recovery Key and a trusted phone or device (no one
 * can reset such an account otherwise); without, an email link and the security questions.
 */
export default async function ForgotPasswordPage() {
  const t = await getTranslations("forgotPassword");
  return (
    <ClientMessages namespaces={["accountForms", "forgotPassword", "passwordWeakness", "validation"]}>
      <div className="mx-auto max-w-4xl">
        <h1 className="text-2xl font-bold text-slate-900">{t("title")}</h1>
        <p className="mt-2 text-slate-600">{t("lead")}</p>
        <div className="mt-6 grid gap-6 md:grid-cols-2">
          <section aria-labelledby="with-key" className="rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
            <h2 id="with-key" className="text-lg font-semibold text-slate-900">{t("keyTitle")}</h2>
            <p className="mb-5 mt-1 text-sm text-slate-600">{t("keyLead")}</p>
            <RecoveryKeyForm />
          </section>
          <section aria-labelledby="by-email" className="rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
            <h2 id="by-email" className="text-lg font-semibold text-slate-900">{t("emailTitle")}</h2>
            <p className="mb-5 mt-1 text-sm text-slate-600">{t("emailLead")}</p>
            <EmailLinkForm />
          </section>
        </div>
        <p className="mt-6 text-sm">
          <Link href="/sign-in" className="inline-block py-1 font-medium text-brand-700 underline-offset-2 hover:underline">{t("back")}</Link>
        </p>
      </div>
    </ClientMessages>
  );
}
