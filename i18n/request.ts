import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { currentSession } from "@/lib/auth/current-user";
import { isStaffPage } from "@/lib/layout/staff-page";
import { defaultLocale, isLocale, pickLocale } from "./locales";
import { loadMessages } from "./messages";

/**
 * Staff pages stay in English. Elsewhere: the account's language when signed in (also while the second step is
 * owed), else the one chosen in this browser, else the browser's Accept-Language, else English.
 */
export default getRequestConfig(async () => {
  const requestHeaders = await headers();
  const staffPage = await isStaffPage();
  const account = staffPage ? null : (await currentSession())?.user.locale;
  const locale = staffPage ? defaultLocale : isLocale(account) ? account : pickLocale((await cookies()).get("locale")?.value, requestHeaders.get("accept-language"));
  const timeZone = (await cookies()).get("tz")?.value;
  return {
    locale,
    timeZone: timeZone && isTimeZone(timeZone) ? timeZone : "UTC",
    messages: loadMessages(locale),
  };
});

function isTimeZone(value: string) {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
