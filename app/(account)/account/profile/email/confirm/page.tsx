import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { Notice } from "@/components/ui/card";
import { checkEmailChangeLink } from "@/lib/account-changes/change-email";
import { requireUser } from "@/lib/auth/current-user";
import { ConfirmEmailForm } from "./confirm-email-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("profileChange");
  return { title: t("confirmEmailTitle"), referrer: "no-referrer" };
}

/** The landing page of the link sent to a new address: the signed-in owner confirms with one button. */
export default async function ConfirmEmailPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const raw = (await searchParams).token;
  const token = typeof raw === "string" ? raw : "";
  const { user } = await requireUser(`/account/profile/email/confirm?token=${encodeURIComponent(token)}`);
  const t = await getTranslations("profileChange");
  const link = await checkEmailChangeLink({ userId: user.id, token });
  return (
    <ClientMessages namespaces={["profileChange"]}>
      <div className="mx-auto max-w-md">
        <h1 className="text-2xl font-bold text-slate-900">{t("confirmEmailTitle")}</h1>
        <div className="mt-6 rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
          {link.status === "LINK_INVALID" ? (
            <div className="space-y-4">
              <Notice tone="error">{t("linkInvalid")}</Notice>
              <Link href="/account/profile" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">{t("title")}</Link>
            </div>
          ) : link.status === "WRONG_ACCOUNT" ? (
            <Notice tone="error">{t("wrongAccount")}</Notice>
          ) : (
            <div className="space-y-4">
              <p className="text-sm text-slate-700">{t("confirmEmailLead", { email: link.newEmail ?? "" })}</p>
              <ConfirmEmailForm token={token} />
            </div>
          )}
        </div>
      </div>
    </ClientMessages>
  );
}
