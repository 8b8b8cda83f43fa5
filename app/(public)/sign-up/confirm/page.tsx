import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { findWaitingSignUp } from "@/lib/accounts/request-sign-up";
import { signUpCookie } from "@/lib/accounts/sign-up-cookie";
import { currentSession } from "@/lib/auth/current-user";
import { readCookie } from "@/lib/http/app-cookie";
import { ConfirmSignUpForm } from "./confirm-sign-up-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signUp");
  return { title: t("confirmTitle") };
}

/** Step two of signing up: the code emailed to the address typed on /sign-up, in the browser that typed it. */
export default async function ConfirmSignUpPage() {
  if (await currentSession()) redirect("/account");
  const request = await findWaitingSignUp(await readCookie(signUpCookie));
  if (!request) redirect("/sign-up?expired=1");
  const t = await getTranslations("signUp");
  return (
    <ClientMessages namespaces={["signUp"]}>
      <div className="mx-auto max-w-md">
        <h1 className="text-2xl font-bold text-slate-900">{t("confirmTitle")}</h1>
        <p className="mt-2 break-words text-sm text-slate-600">{t("confirmLead", { email: request.email })}</p>
        <div className="mt-6 rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <ConfirmSignUpForm />
        </div>
      </div>
    </ClientMessages>
  );
}
