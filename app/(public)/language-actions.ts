"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { isLocale, localeCookie } from "@/i18n/locales";
import { chooseLanguage } from "@/lib/accounts/choose-language";
import { currentSession } from "@/lib/auth/current-user";
import { isPendingSecondStep } from "@/lib/auth/sessions";
import { formOf } from "@/lib/forms/form-of";
import { safeRedirect } from "@/lib/forms/safe-redirect";
import { writeCookie } from "@/lib/http/app-cookie";

const aYear = 365 * 24 * 60 * 60;

/** The language switcher: kept in this browser, and on the account when someone is fully signed in; back to the same page. */
export async function chooseLanguageAction(formData: FormData) {
  formData = formOf(formData);
  const locale = formData.get("locale");
  if (typeof locale === "string" && isLocale(locale)) {
    await writeCookie(localeCookie, locale, { sameSite: "lax", maxAge: aYear });
    const current = await currentSession();
    // The account's language picks the language of its security emails: a session still owing its code (the
    // password alone) changes only this browser's.
    if (current && !isPendingSecondStep(current)) await chooseLanguage(current.user.id, locale);
  }
  redirect(safeRedirect(pageOf((await headers()).get("referer")), "/"));
}

/** The path and query of the page the form was on (its Referer; after client-side navigation too), never a host. */
function pageOf(referer: string | null) {
  if (!referer) return null;
  try {
    const url = new URL(referer);
    return url.pathname + url.search;
  } catch {
    return null;
  }
}
