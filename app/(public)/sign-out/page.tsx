import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { currentSession } from "@/lib/auth/current-user";
import { isPendingSecondStep } from "@/lib/auth/sessions";
import { signOutAction } from "@/app/(account)/account/actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signOut");
  return { title: t("title") };
}

/**
 * Auth.js's sign-out page (pages.signOut in auth.ts): a GET to /api/auth/signout lands here, so a link or a typed
 * address asks before it signs out, in our look and language. The button is our own action, which ends the
 * sessions row like every other way out.
 */
export default async function SignOutPage() {
  const current = await currentSession();
  // Nothing to sign out of; the sign-in page still offers to stop a trusted browser's pushed codes.
  if (!current) redirect("/sign-in");
  const t = await getTranslations("signOut");
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold text-slate-900">{t("title")}</h1>
      <div className="mt-6 rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <p className="text-sm text-slate-700">{t("lead")}</p>
        <form action={signOutAction} className="mt-6 flex flex-wrap items-center gap-3">
          <SubmitButton pendingLabel={t("pending")}>{t("submit")}</SubmitButton>
          <Link href={isPendingSecondStep(current) ? "/verify" : "/account"} className={buttonClass("secondary")}>
            {t("cancel")}
          </Link>
        </form>
      </div>
    </div>
  );
}
