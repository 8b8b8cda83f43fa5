import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { pickLocale } from "./locales";

export default getRequestConfig(async () => {
  const cookieLocale = (await cookies()).get("locale")?.value;
  const locale = pickLocale(cookieLocale, (await headers()).get("accept-language"));
  const timeZone = (await cookies()).get("tz")?.value;
  return {
    locale,
    timeZone: timeZone && isTimeZone(timeZone) ? timeZone : "UTC",
    messages: (await import(`../messages/${locale}.json`)).default,
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
