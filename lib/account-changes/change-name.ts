import { eq } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { assertStepUpFresh } from "./assert-step-up-fresh";
import { appLink, browserOf, noticeTime, noticeTranslator } from "./compose-notice";
import { nameSchema } from "@/lib/validation/account";
import { sendNotice } from "./send-notice";

export type ChangeNameError = "STEP_UP_REQUIRED" | "INVALID_NAME";

/** Changes the account's name (its personal information) after a fresh 'profile' step-up; the owner is told. */
export async function changeName(input: { userId: string; sessionId: string; name: string; userAgent?: string; now?: Date }) {
  const now = input.now ?? new Date();
  await assertStepUpFresh({ sessionId: input.sessionId, action: "profile", now });
  const parsed = nameSchema.safeParse(input.name);
  if (!parsed.success) throw new AppError<ChangeNameError>("INVALID_NAME", { reason: parsed.error.issues[0]!.message });

  const [before] = await db.select().from(users).where(eq(users.id, input.userId));
  if (!before) throw new AppError<ChangeNameError>("INVALID_NAME", { reason: "nameRequired" });
  if (before.name === parsed.data) return { name: parsed.data, changed: false };
  await db.update(users).set({ name: parsed.data }).where(eq(users.id, input.userId));

  const t = noticeTranslator(before.locale);
  await sendNotice({
    channel: "email",
    recipient: before.email,
    subject: t("nameChangedSubject"),
    body: t("nameChangedBody", { name: parsed.data, time: noticeTime(now, before.locale), browser: browserOf(input.userAgent, t), url: appLink("/forgot-password") }),
    userId: before.id,
  });
  return { name: parsed.data, changed: true };
}
