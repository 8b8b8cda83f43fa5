import { headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { currentSession } from "@/lib/auth/current-user";
import { isPendingSecondStep } from "@/lib/auth/sessions";
import { readCookie } from "@/lib/http/app-cookie";
import { isStaffPage } from "@/lib/layout/staff-page";
import { defaultLocale, isLocale, localeCookie, pickLocale } from "./locales";
import { loadMessages } from "./messages";
import { pickTimeZone, timeZoneCookie } from "./time-zone";

/**
 * Staff pages stay in English. Elsewhere: the account's language when signed in, else the one chosen in this browser,
 * else the browser's Accept-Language, else English. While the second step is owed, a language chosen in this browser
 * comes first: such a session cannot change the account's (language-actions.ts).
 */
export default getRequestConfig(async () => {
  const requestHeaders = await headers();
  const staffPage = await isStaffPage();
  const chosen = await readCookie(localeCookie);
  const current = staffPage ? null : await currentSession();
  const account = current && !(isPendingSecondStep(current) && isLocale(chosen)) ? current.user.locale : null;
  const locale = staffPage ? defaultLocale : isLocale(account) ? account : pickLocale(chosen, requestHeaders.get("accept-language"));
  return {
    locale,
    timeZone: pickTimeZone(await readCookie(timeZoneCookie)),
    messages: loadMessages(locale),
  };
});
