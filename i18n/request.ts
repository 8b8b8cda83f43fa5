import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { currentSession } from "@/lib/auth/current-user";
import { isStaffPage } from "@/lib/layout/staff-page";
import { defaultLocale, isLocale, pickLocale } from "./locales";
import { loadMessages } from "./messages";
import { pickTimeZone } from "./time-zone";

/**
 * Staff pages stay in English. Elsewhere: the account's language when signed in (also while the second step is
 * owed), else the one chosen in this browser, else the browser's Accept-Language, else English.
 */
export default getRequestConfig(async () => {
  const requestHeaders = await headers();
  const staffPage = await isStaffPage();
  const account = staffPage ? null : (await currentSession())?.user.locale;
  const locale = staffPage ? defaultLocale : isLocale(account) ? account : pickLocale((await cookies()).get("locale")?.value, requestHeaders.get("accept-language"));
  return {
    locale,
    timeZone: pickTimeZone((await cookies()).get("tz")?.value),
    messages: loadMessages(locale),
  };
});
