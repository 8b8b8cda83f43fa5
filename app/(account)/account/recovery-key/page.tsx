import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { Notice } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { currentRecoveryKey } from "@/lib/two-step/recovery-key";
import { requireStepUp } from "@/lib/two-step/step-up";
import { ReplaceKey } from "./replace-key";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("recoveryKeyReplace");
  return { title: t("title") };
}

/** Lost Recovery Key while signed in: after a fresh step-up, a new key replaces the old once it is typed back. */
export default async function RecoveryKeyPage() {
  const path = "/account/recovery-key";
  const { user, session } = await requireUser(path);
  const [t, format] = await Promise.all([getTranslations("recoveryKeyReplace"), getFormatter()]);
  let body: React.ReactNode;
  if (!user.twoStepEnabledAt) {
    body = <Notice tone="info">{t("noTwoStep")}</Notice>;
  } else {
    await requireStepUp({ sessionId: session.id, action: "recovery_key", returnTo: path });
    const key = await currentRecoveryKey(user.id);
    const date = key ? format.dateTime(key.createdAt, { dateStyle: "long" }) : "";
    body = (
      <div className="space-y-5">
        <p className="text-sm text-slate-700">{!key ? t("noKey") : key.confirmedAt ? t("current", { date }) : t("currentUnconfirmed", { date })}</p>
        <ReplaceKey email={user.email} />
      </div>
    );
  }
  return (
    <ClientMessages namespaces={["newRecoveryKey", "recoveryKeyReplace"]}>
      <div className="mx-auto max-w-xl">
        <Link href="/account" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">{t("back")}</Link>
        <h1 className="mt-2 text-2xl font-bold text-slate-900">{t("title")}</h1>
        <p className="mt-2 text-sm text-slate-600">{t("lead")}</p>
        <div className="mt-6 rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">{body}</div>
      </div>
    </ClientMessages>
  );
}
