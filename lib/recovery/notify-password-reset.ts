import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { db } from "@/db";
import { countries, trustedPhones, type User } from "@/db/schema";
import { appLink, browserOf, noticeTime, noticeTranslator } from "@/lib/account-changes/compose-notice";
import { sendNotice } from "@/lib/account-changes/send-notice";

/** After a reset, every address on the account hears of it: the email and each verified trusted phone we can reach. */
export async function notifyPasswordReset(input: { user: Pick<User, "id" | "email" | "name" | "locale">; how: "key" | "link"; userAgent?: string; now: Date }) {
  const t = noticeTranslator(input.user.locale);
  const url = appLink("/forgot-password");
  const time = noticeTime(input.now, input.user.locale);
  await sendNotice({
    channel: "email",
    recipient: input.user.email,
    subject: t("passwordResetSubject"),
    body: t("passwordResetBody", { name: input.user.name, time, browser: browserOf(input.userAgent, t), how: input.how, url }),
    userId: input.user.id,
  });
  const phones = await db
    .select({ e164: trustedPhones.e164, countryCode: trustedPhones.countryCode })
    .from(trustedPhones)
    .innerJoin(countries, eq(countries.code, trustedPhones.countryCode))
    .where(and(eq(trustedPhones.userId, input.user.id), isNotNull(trustedPhones.verifiedAt), isNull(trustedPhones.removedAt), eq(countries.smsSupported, true)));
  for (const phone of phones) {
    await sendNotice({ channel: "sms", recipient: phone.e164, body: t("passwordResetSms", { time, url }), userId: input.user.id, countryCode: phone.countryCode });
  }
}
