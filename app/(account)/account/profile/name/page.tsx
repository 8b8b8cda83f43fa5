import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { requireUser } from "@/lib/auth/current-user";
import { requireStepUp } from "@/lib/two-step/step-up";
import { NameForm } from "./name-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("profileChange");
  return { title: t("changeName") };
}

export default async function NamePage() {
  const path = "/account/profile/name";
  const { user, session } = await requireUser(path);
  await requireStepUp({ sessionId: session.id, action: "profile", returnTo: path });
  const t = await getTranslations("profileChange");
  return (
    <ClientMessages namespaces={["accountForms", "passwordWeakness", "profileChange", "validation"]}>
      <div className="mx-auto max-w-md">
        <Link href="/account/profile" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">{t("title")}</Link>
        <h1 className="mt-2 text-2xl font-bold text-slate-900">{t("nameTitle")}</h1>
        <div className="mt-6 rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <NameForm current={user.name} />
        </div>
      </div>
    </ClientMessages>
  );
}
