import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { users, type User } from "@/db/schema";
import { browserOf, noticeTranslator } from "@/lib/account-changes/compose-notice";
import { describeDevice } from "@/lib/auth/describe-device";
import { queueSecurityEmail } from "./enrollment/notify-security-change";

export type ChangedMethod = "totp" | "passkey" | "backup_codes" | "app_password" | "trusted_device";

/** What the email needs of the account. */
export const ownerColumns = { id: users.id, email: users.email, name: users.name, locale: users.locale, twoStepEnabledAt: users.twoStepEnabledAt };
export type MethodOwner = Pick<User, keyof typeof ownerColumns>;

/** A trusted browser as stored: its User-Agent, or the label of rows kept without one. */
type Browser = { userAgent: string | null; label: string };

/**
 * Queues "a sign-in method was added/removed" to the owner, inside the change's transaction — only once 2SV is on
 * (during setup the owner is looking at the wizard). Returns the outbox id for sendQueued after the commit, or null.
 * A trusted browser is named from its User-Agent in the owner's language, as the devices page names it.
 */
export async function queueMethodEmail(
  tx: Tx,
  input: { userId: string; owner?: MethodOwner; change: "added" | "removed"; method: ChangedMethod; name?: string; browser?: Browser; now: Date },
) {
  // `owner`: the account row the caller already read (and locked) in this transaction, so it is not read twice.
  const user = input.owner ?? (await tx.select(ownerColumns).from(users).where(eq(users.id, input.userId)))[0];
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
