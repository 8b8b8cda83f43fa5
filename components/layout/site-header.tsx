import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/(account)/account/actions";
import { currentSession, isStaff } from "@/lib/auth/current-user";
import { isPendingSecondStep } from "@/lib/auth/sessions";
import { Logo } from "./logo";

/**
 * Plain links, not <Link>: this header belongs to the root layout, which client-side navigation keeps as it is. A
 * full load lets it (and <html lang>, and the footer) follow the page — staff pages are English, account pages in
 * the account's language.
 */
export async function SiteHeader({ width }: { width: string }) {
  const t = await getTranslations("common");
  const current = await currentSession();
  const link = "whitespace-nowrap rounded-md px-2.5 py-2 text-sm font-medium text-slate-700 sm:px-3 hover:bg-slate-100 hover:text-slate-900";
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav aria-label={t("mainNavigation")} className={`mx-auto flex ${width} items-center justify-between gap-2 px-4 py-3 sm:px-6`}>
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full load on purpose, see above */}
        <a href="/" className="flex items-center gap-2 font-semibold text-slate-900">
          <Logo />
          {t("brand")}
        </a>
        <div className="flex items-center gap-1">
          <a href="/availability" className={`${link} hidden sm:inline-block`}>{t("availability")}</a>
          {current ? (
            <>
              {!isPendingSecondStep(current) && <a href="/account" className={link}>{t("account")}</a>}
              {!isPendingSecondStep(current) && isStaff(current.user.role) && <a href="/admin" className={link}>{t("admin")}</a>}
              <form action={signOutAction}>
                <button type="submit" className={link}>{t("signOut")}</button>
              </form>
            </>
          ) : (
            <>
              <a href="/sign-in" className={link}>{t("signIn")}</a>
              <a href="/sign-up" className="whitespace-nowrap rounded-md bg-brand-600 px-2.5 py-2 sm:px-3 text-sm font-medium text-white hover:bg-brand-700">
                {t("signUp")}
              </a>
            </>
          )}
        </div>
      </nav>
    </header>
  );
}
