import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { requireUser } from "@/lib/auth/current-user";
import { requireStepUp } from "@/lib/two-step/step-up";
import { PasswordForm } from "./password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("profileChange");
  return { title: t("changePassword") };
}

export default async function PasswordPage() {
  const { user, session } = await requireUser("/account/password");
  await requireStepUp({ sessionId: session.id, action: "password", returnTo: "/account/password" });
  const t = await getTranslations("passwordChange");
  return (
    <ClientMessages namespaces={["accountForms", "passwordChange", "passwordWeakness", "validation"]}>
      <div className="mx-auto max-w-md">
        <Link href="/account" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
          {t("back")}
        </Link>
        <h1 className="mt-2 text-2xl font-bold text-slate-900">{t("title")}</h1>
        <p className="mt-2 text-sm text-slate-600">{t("lead")}</p>
        <div className="mt-6 rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <PasswordForm email={user.email} />
        </div>
      </div>
    </ClientMessages>
  );
}
