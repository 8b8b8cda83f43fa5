import { getLocale, getTranslations } from "next-intl/server";
import { chooseLanguageAction } from "@/app/(public)/language-actions";
import { localeNames, locales } from "@/i18n/locales";

/**
 * A labelled select and a button: picking a language changes nothing until the button is pressed (WCAG 3.2.2, no
 * change of context on input), and it works without JavaScript. The action returns to the page it was sent from.
 */
export async function LanguageSwitcher() {
  const [t, locale] = await Promise.all([getTranslations("common"), getLocale()]);
  return (
    <form action={chooseLanguageAction} className="flex items-center gap-2">
      <label htmlFor="language" className="text-sm text-slate-600">
        {t("language")}
      </label>
      <select id="language" name="locale" defaultValue={locale} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900">
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
