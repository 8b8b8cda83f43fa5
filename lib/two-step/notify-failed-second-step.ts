import { eq } from "drizzle-orm";
import { db } from "@/db";
import { users, type Challenge } from "@/db/schema";
import { isLocale } from "@/i18n/locales";
import { browserOf, noticeTime, noticeTranslator } from "@/lib/account-changes/compose-notice";
import { countryName } from "@/lib/countries/country-name";
import { enqueueMessage } from "@/lib/messaging/enqueue-message";

type Attempt = Pick<Challenge, "userId" | "requestUserAgent" | "requestCountry" | "requestIp">;
type Translate = ReturnType<typeof noticeTranslator>;

/** A right password followed by a wrong code: tell the owner when, from which browser and where (once per attempt). */
export async function notifyFailedSecondStep(challenge: Attempt, now: Date) {
  const [user] = await db.select({ email: users.email, name: users.name, locale: users.locale }).from(users).where(eq(users.id, challenge.userId));
  if (!user) return;
  const t = noticeTranslator(user.locale);
  await enqueueMessage({
    channel: "email",
    recipient: user.email,
    subject: t("failedSecondStepSubject"),
    body: t("failedSecondStepBody", { name: user.name, time: noticeTime(now, user.locale), browser: browserOf(challenge.requestUserAgent, t), place: placeOf(challenge, user.locale, t) }),
    userId: challenge.userId,
  });
}

/** "France, IP address 203.0.113.5" in the account's language; either part may be unknown (never a raw code like "XX"). */
function placeOf({ requestCountry, requestIp }: Attempt, locale: string | null, t: Translate) {
  const country = requestCountry ? countryName(requestCountry, isLocale(locale) ? locale : "en", t("unknownPlace")) : t("unknownPlace");
  return requestIp ? t("placeWithIp", { country, ip: requestIp }) : country;
}
