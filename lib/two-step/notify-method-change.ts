import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { users } from "@/db/schema";
import { browserOf, noticeTranslator } from "@/lib/account-changes/compose-notice";
import { describeDevice } from "@/lib/auth/describe-device";
import { queueSecurityEmail } from "./enrollment/notify-security-change";

export type ChangedMethod = "totp" | "passkey" | "backup_codes" | "app_password" | "trusted_device";

/** A trusted browser as stored: its User-Agent, or the label of rows kept without one. */
type Browser = { userAgent: string | null; label: string };

/**
 * Queues "a sign-in method was added/removed" to the owner, inside the change's transaction — only once 2SV is on
 * (during setup the owner is looking at the wizard). Returns the outbox id for sendQueued after the commit, or null.
 * A trusted browser is named from its User-Agent in the owner's language, as the devices page names it.
 */
export async function queueMethodEmail(tx: Tx, input: { userId: string; change: "added" | "removed"; method: ChangedMethod; name?: string; browser?: Browser; now: Date }) {
  const [user] = await tx.select().from(users).where(eq(users.id, input.userId));
  if (!user?.twoStepEnabledAt) return null;
  const name = input.browser ? nameBrowser(input.browser, user.locale) : (input.name ?? "");
  return queueSecurityEmail(tx, {
    user,
    kind: input.change === "added" ? "methodAdded" : "methodRemoved",
    values: { method: input.method, name },
    now: input.now,
  });
}

function nameBrowser({ userAgent, label }: Browser, locale: string | null) {
  const t = noticeTranslator(locale);
  return describeDevice(userAgent) || !label ? browserOf(userAgent, t) : label;
}
