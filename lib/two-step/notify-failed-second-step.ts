import { eq } from "drizzle-orm";
import { db } from "@/db";
import { users, type Challenge } from "@/db/schema";
import { browserOf, noticeTime, noticeTranslator } from "@/lib/account-changes/compose-notice";
import { enqueueMessage } from "@/lib/messaging/enqueue-message";

type Attempt = Pick<Challenge, "userId" | "requestUserAgent" | "requestCountry" | "requestIp">;

/** A right password followed by a wrong code: tell the owner when, from which browser and where (once per attempt). */
export async function notifyFailedSecondStep(challenge: Attempt, now: Date) {
  const [user] = await db.select({ email: users.email, name: users.name, locale: users.locale }).from(users).where(eq(users.id, challenge.userId));
  if (!user) return;
  const t = noticeTranslator(user.locale);
  const where = [challenge.requestCountry ?? t("unknownPlace"), challenge.requestIp].filter(Boolean).join(", ");
  await enqueueMessage({
    channel: "email",
    recipient: user.email,
    subject: t("failedSecondStepSubject"),
    body: t("failedSecondStepBody", { name: user.name, time: noticeTime(now, user.locale), browser: browserOf(challenge.requestUserAgent, t), place: where }),
    userId: challenge.userId,
  });
}
