import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { outbox, users, type Challenge } from "@/db/schema";
import { isLocale } from "@/i18n/locales";
import { browserOf, noticeTime, noticeTranslator } from "@/lib/account-changes/compose-notice";
import { countryName } from "@/lib/countries/country-name";
import { enqueueMessage } from "@/lib/messaging/enqueue-message";
import { failedSecondStepNoticeKey as noticeKey } from "./failed-second-step-key";

type Attempt = Pick<Challenge, "userId" | "sessionId" | "requestUserAgent" | "requestCountry" | "requestIp">;
type Translate = ReturnType<typeof noticeTranslator>;

/**
 * How long the notice waits for the sign-in to finish: the owner who mistypes a digit and gets it right a moment
 * later is not told someone else has their password (an alert that cries wolf teaches people to ignore it).
 */
export const failedSecondStepGraceMs = 2 * 60_000;

/**
 * A right password followed by a wrong code: the owner is told when, from which browser and where, unless this
 * sign-in passes its second step within the grace (upgradeSession calls the notice off). One notice per sign-in:
 * later wrong codes neither add one nor push the first one back.
 */
export async function notifyFailedSecondStep(challenge: Attempt, now: Date) {
  const key = noticeKey(challenge.sessionId);
  const [waiting] = await db.select({ id: outbox.id }).from(outbox).where(and(eq(outbox.replaceKey, key), eq(outbox.status, "pending"))).limit(1);
  if (waiting) return;
  const [user] = await db.select({ email: users.email, name: users.name, locale: users.locale }).from(users).where(eq(users.id, challenge.userId));
  if (!user) return;
  const t = noticeTranslator(user.locale);
  await enqueueMessage(
    {
      channel: "email",
      recipient: user.email,
      subject: t("failedSecondStepSubject"),
      body: t("failedSecondStepBody", { name: user.name, time: noticeTime(now, user.locale), browser: browserOf(challenge.requestUserAgent, t), place: placeOf(challenge, user.locale, t) }),
      userId: challenge.userId,
      replaceKey: key,
      notBefore: new Date(now.getTime() + failedSecondStepGraceMs),
    },
    { now },
  );
}


/** "France, IP address 203.0.113.5" in the account's language; either part may be unknown (never a raw code like "XX"). */
function placeOf({ requestCountry, requestIp }: Attempt, locale: string | null, t: Translate) {
  const country = requestCountry ? countryName(requestCountry, isLocale(locale) ? locale : "en", t("unknownPlace")) : t("unknownPlace");
  return requestIp ? t("placeWithIp", { country, ip: requestIp }) : country;
}
