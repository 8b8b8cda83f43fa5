import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { signOutAction } from "@/app/(account)/account/actions";
import { SignInChallenge } from "@/components/two-step/sign-in-challenge";
import { requirePendingSecondStep } from "@/lib/auth/current-user";
import { safeRedirect } from "@/lib/forms/safe-redirect";
import { readDeviceToken } from "@/lib/two-step/device-cookie";
import { listSecondFactorOptions } from "@/lib/two-step/second-factor-options";
import { sendSignInCodeAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("verify");
  return { title: t("title") };
}

export default async function VerifyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user } = await requirePendingSecondStep();
  const callbackUrl = safeRedirect((await searchParams).callbackUrl);
  const [t, options] = await Promise.all([
    getTranslations("verify"),
    // A code pushed to the browser that asks is never shown to it (it would wait for nothing): not offered here.
    listSecondFactorOptions(user.id, { exceptDeviceToken: await readDeviceToken() }),
  ]);
  return (
    <ClientMessages namespaces={["codeChallenge"]}>
      <div className="mx-auto max-w-md">
        <h1 className="text-2xl font-bold text-slate-900">{t("title")}</h1>
        <p className="mt-2 text-sm text-slate-600">{t("lead")}</p>
        <div className="mt-6 rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <SignInChallenge
            options={options}
            send={sendSignInCodeAction}
            hidden={{ callbackUrl }}
            passkeyPurpose="sign_in"
            extra={
              <label className="flex items-start gap-3 text-sm">
                <input type="checkbox" name="trustBrowser" className="mt-1" />
                <span>
                  <span className="font-medium text-slate-900">{t("trustBrowser")}</span>
                  <span className="block text-slate-600">{t("trustBrowserHint")}</span>
                </span>
              </label>
            }
          />
        </div>
        <div className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
          <form action={signOutAction}>
            <button type="submit" className="font-medium text-slate-700 underline-offset-2 hover:underline">{t("cancel")}</button>
          </form>
          <Link href="/forgot-password" className="font-medium text-brand-700 underline-offset-2 hover:underline">
            {t("recover")}
          </Link>
        </div>
      </div>
    </ClientMessages>
  );
}
