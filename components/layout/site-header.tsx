import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/(account)/account/actions";
import { currentSession, isStaff } from "@/lib/auth/current-user";
import { isPendingSecondStep } from "@/lib/auth/sessions";
import { Logo } from "./logo";

export async function SiteHeader() {
  const t = await getTranslations("common");
  const current = await currentSession();
  const link = "whitespace-nowrap rounded-md px-2.5 py-2 text-sm font-medium text-slate-700 sm:px-3 hover:bg-slate-100 hover:text-slate-900";
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav aria-label={t("mainNavigation")} className="mx-auto flex max-w-5xl items-center justify-between gap-2 px-4 py-3 sm:px-6">
        <Link href="/" className="flex items-center gap-2 font-semibold text-slate-900">
          <Logo />
          {t("brand")}
        </Link>
        <div className="flex items-center gap-1">
          <Link href="/availability" className={`${link} hidden sm:inline-block`}>{t("availability")}</Link>
          {current ? (
            <>
              {!isPendingSecondStep(current) && <Link href="/account" className={link}>{t("account")}</Link>}
              {!isPendingSecondStep(current) && isStaff(current.user.role) && <Link href="/admin" className={link}>{t("admin")}</Link>}
              <form action={signOutAction}>
                <button type="submit" className={link}>{t("signOut")}</button>
              </form>
            </>
          ) : (
            <>
              <Link href="/sign-in" className={link}>{t("signIn")}</Link>
              <Link href="/sign-up" className="whitespace-nowrap rounded-md bg-brand-600 px-2.5 py-2 sm:px-3 text-sm font-medium text-white hover:bg-brand-700">
                {t("signUp")}
              </Link>
            </>
          )}
        </div>
      </nav>
    </header>
  );
}
