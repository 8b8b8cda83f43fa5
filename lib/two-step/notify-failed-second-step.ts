import { eq } from "drizzle-orm";
import { db } from "@/db";
import { users, type Challenge } from "@/db/schema";

type Attempt = Pick<Challenge, "userId" | "requestUserAgent" | "requestCountry" | "requestIp">;
import { describeDevice } from "@/lib/auth/describe-device";
import { enqueueMessage } from "@/lib/messaging/enqueue-message";

/** A right password followed by a wrong code: tell the owner when, from which browser and where (once per attempt). */
export async function notifyFailedSecondStep(challenge: Attempt, now: Date) {
  const [user] = await db.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, challenge.userId));
  if (!user) return;
  const browser = describeDevice(challenge.requestUserAgent) ?? "an unknown browser";
  const place = challenge.requestCountry ?? "an unknown place";
  await enqueueMessage({
    channel: "email",
    recipient: user.email,
    subject: "Someone entered your password but not your code",
    body:
      `Hello ${user.name},\n\n` +
      `At ${now.toUTCString()} someone signed in to your Stepwise account with the right password from ${browser} ` +
      `(${place}${challenge.requestIp ? `, ${challenge.requestIp}` : ""}) and then entered a wrong verification code.\n\n` +
      `If this was you, there is nothing to do. If not, change your password now: your second step kept them out.`,
    userId: challenge.userId,
  });
}
