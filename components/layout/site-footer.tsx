import { getTranslations } from "next-intl/server";
import { isStaffPage } from "@/lib/layout/staff-page";
import { LanguageSwitcher } from "./language-switcher";

/**
 * Every account-holder page offers its languages; staff pages stay in English, so theirs has no switcher. The
 * availability link is here too: a phone's header has no room for it.
 */
export async function SiteFooter() {
  if (await isStaffPage()) return null;
  const t = await getTranslations("common");
  return (
    <footer className="border-t border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-4 sm:px-6">
        <a href="/availability" className="text-sm font-medium text-slate-700 underline-offset-2 hover:underline">
          {t("availability")}
        </a>
        <LanguageSwitcher />
      </div>
    </footer>
  );
}
