import { eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";
import { appLink, noticeTranslator } from "@/lib/account-changes/compose-notice";
import { hitRateLimit } from "@/lib/auth/rate-limit";
import { AppError } from "@/lib/errors";
import { enqueueMessage } from "@/lib/messaging/enqueue-message";
import { hasSecurityQuestions } from "@/lib/security-questions/security-questions";
import { resetLinksPerAccount, resetRequestWindowMs, resetRequestsPerIp } from "./recovery-policy";
import { resetLinkUrl } from "./reset-link";

/**
 * "Forgot password" by email. The answer on screen never depends on the account: the caller always says "if this
 * address has an account, we sent instructions". An account without 2SV gets a single-use one-hour link (then its
 * security questions); an account with 2SV gets no link — only the Recovery Key and a code can reset it — but is
 * told how. Only the per-IP limit is ever reported; the per-address limit drops mail silently. So that known and
 * unknown addresses also take the same time, the web action passes `defer` (Next's `after`): the rate limits are all
 * the request waits for, and looking the address up and queueing its message run after the answer has gone.
 */
export async function requestPasswordReset(input: { email: string; ip: string | null; now?: Date; defer?: (work: () => Promise<void>) => void }) {
  const now = input.now ?? new Date();
  const email = input.email.trim().toLowerCase();
  if (input.ip) {
    const perIp = await hitRateLimit({ key: `reset-request:ip:${input.ip}`, windowMs: resetRequestWindowMs, now });
    if (perIp.hits > resetRequestsPerIp) throw new AppError("THROTTLED", { retryAt: perIp.resetAt.toISOString() });
  }
  const perAccount = await hitRateLimit({ key: `reset-request:account:${email}`, windowMs: resetRequestWindowMs, now });
  if (perAccount.hits > resetLinksPerAccount) return;
  if (input.defer) input.defer(() => sendResetInstructions(email, now));
  else await sendResetInstructions(email, now);
}

/** Queues the message for the account with this address, if there is one. */
async function sendResetInstructions(email: string, now: Date) {
  const [user] = await db.select().from(users).where(eq(sql`lower(${users.email})`, email));
  if (!user) return;
  const t = noticeTranslator(user.locale);
  const message = user.twoStepEnabledAt
    ? { subject: t("resetUseKeySubject"), body: t("resetUseKeyBody", { name: user.name, url: appLink("/forgot-password") }) }
    : {
        subject: t("resetLinkSubject"),
        body: t("resetLinkBody", {
          name: user.name,
          questions: (await hasSecurityQuestions(user.id)) ? "yes" : "no",
          url: resetLinkUrl(user, now),
        }),
      };
  await db.transaction(async (tx) => {
    await enqueueMessage({ channel: "email", recipient: user.email, ...message, userId: user.id }, { db: tx as never, now });
  });
}
