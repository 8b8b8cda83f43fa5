"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { chooseLanguageAction } from "@/app/(public)/language-actions";
import { localeNames, locales } from "@/i18n/locales";

/** A labelled select that switches as soon as a language is picked; the button is there for keyboards and no-JS. */
export function LanguageSwitcher() {
  const t = useTranslations("common");
  const locale = useLocale();
  const path = usePathname();
  const query = useSearchParams().toString();
  return (
    <form action={chooseLanguageAction} className="flex items-center gap-2">
      <input type="hidden" name="next" value={query ? `${path}?${query}` : path} />
      <label htmlFor="language" className="text-sm text-slate-600">
        {t("language")}
      </label>
      <select
        id="language"
        name="locale"
        defaultValue={locale}
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900"
      >
        {locales.map((l) => (
          <option key={l} value={l} lang={l}>
            {localeNames[l]}
          </option>
        ))}
      </select>
      <button type="submit" className="rounded-md px-2 py-1 text-sm font-medium text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50">
        {t("changeLanguage")}
      </button>
    </form>
  );
}
