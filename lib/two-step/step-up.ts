import { and, eq, gt } from "drizzle-orm";
import { redirect } from "next/navigation";
import { db } from "@/db";
import { stepUps } from "@/db/schema";
import { stepUpFreshMs } from "./code-policy";

// Sensitive changes, each with its own freshness (a code for the password does not also unlock the email).
export const stepUpActions = ["password", "email", "profile", "phones", "devices", "recovery_key", "enable_two_step", "disable_two_step", "security_questions", "authenticator", "passkeys", "backup_codes", "app_passwords", "rollout", "staff"] as const;
export type StepUpAction = (typeof stepUpActions)[number];
export const isStepUpAction = (v: unknown): v is StepUpAction => stepUpActions.includes(v as StepUpAction);

export async function recordStepUp({ sessionId, action, now = new Date() }: { sessionId: string; action: StepUpAction; now?: Date }) {
  await db
    .insert(stepUps)
    .values({ sessionId, action, verifiedAt: now })
    .onConflictDoUpdate({ target: [stepUps.sessionId, stepUps.action], set: { verifiedAt: now } });
}

/** When this session's confirmation for `action` runs out, or null when none is in force. */
export async function stepUpFreshUntil({ sessionId, action, now = new Date() }: { sessionId: string; action: StepUpAction; now?: Date }) {
  const [row] = await db
    .select({ verifiedAt: stepUps.verifiedAt })
    .from(stepUps)
    .where(and(eq(stepUps.sessionId, sessionId), eq(stepUps.action, action), gt(stepUps.verifiedAt, new Date(now.getTime() - stepUpFreshMs))));
  return row ? new Date(row.verifiedAt.getTime() + stepUpFreshMs) : null;
}

export async function isStepUpFresh(input: { sessionId: string; action: StepUpAction; now?: Date }) {
  return (await stepUpFreshUntil(input)) !== null;
}

/** Pages and actions call this before a sensitive change; without a fresh proof the user confirms first. */
export async function requireStepUp({ sessionId, action, returnTo }: { sessionId: string; action: StepUpAction; returnTo: string }) {
  if (await isStepUpFresh({ sessionId, action })) return;
  redirect(`/account/confirm?action=${action}&next=${encodeURIComponent(returnTo)}`);
}
