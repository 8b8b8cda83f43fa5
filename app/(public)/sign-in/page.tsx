import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { currentSession } from "@/lib/auth/current-user";
import { safeRedirect } from "@/lib/forms/safe-redirect";
import { thisBrowsersReceiver } from "@/lib/two-step/push/this-browsers-receiver";
import { signOutAction } from "@/app/(account)/account/actions";
import { PasskeySignIn } from "./passkey-sign-in";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: t("signIn") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeRedirect(params.callbackUrl);
  if (await currentSession()) redirect(callbackUrl);
  const [t, common] = await Promise.all([getTranslations("signIn"), getTranslations("common")]);
  return (
    <ClientMessages namespaces={["passkeySignIn", "passwordWeakness", "signIn", "validation"]}>
      <div className="mx-auto max-w-md">
        <h1 className="text-2xl font-bold text-slate-900">{t("title")}</h1>
        {params.signedOut === "1" && (
          <div className="mt-4">
            <Notice tone="success">{t("signedOut")}</Notice>
          </div>
        )}
        {/* Auth.js sends its own failures here (pages.error in auth.ts), with a code meant for developers, not people. */}
        {typeof params.error === "string" && (
          <div className="mt-4">
            <Notice tone="error">{t("authError")}</Notice>
          </div>
        )}
        {params.ended === "1" && (
          <div className="mt-4">
            <Notice>{t("sessionEnded")}</Notice>
          </div>
        )}
        {/* A trusted browser whose session timed out still shows the account's pushed codes: say so, and let it stop. */}
        {(await thisBrowsersReceiver()) && (
          <form action={signOutAction} className="mt-4 flex flex-wrap items-center justify-between gap-3 rounded-lg bg-slate-100 px-4 py-3 text-sm text-slate-700">
            <p>{t("stillReceiving")}</p>
            <button type="submit" className={buttonClass("secondary")}>
              {t("stopReceiving")}
            </button>
          </form>
        )}
        <div className="mt-6 rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <SignInForm callbackUrl={callbackUrl} />
          <PasskeySignIn callbackUrl={callbackUrl} />
          <p className="mt-5 text-center text-sm text-slate-600">
            {t("noAccount")}{" "}
            <Link href="/sign-up" className="font-medium text-brand-700 underline-offset-2 hover:underline">
              {common("signUp")}
            </Link>
          </p>
        </div>
      </div>
    </ClientMessages>
  );
}
