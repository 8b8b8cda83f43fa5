import { isStaffPage } from "@/lib/layout/staff-page";
import { LanguageSwitcher } from "./language-switcher";

/** Every account-holder page offers its languages; staff pages stay in English, so theirs has no switcher. */
export async function SiteFooter() {
  if (await isStaffPage()) return null;
  return (
    <footer className="border-t border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl justify-end px-4 py-4 sm:px-6">
        <LanguageSwitcher />
      </div>
    </footer>
  );
}
