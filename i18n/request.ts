import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { pickLocale } from "./locales";
import { loadMessages } from "./messages";

export default getRequestConfig(async () => {
  const cookieLocale = (await cookies()).get("locale")?.value;
  const locale = pickLocale(cookieLocale, (await headers()).get("accept-language"));
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
