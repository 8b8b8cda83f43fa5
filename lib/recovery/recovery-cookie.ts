import { deleteCookie, readCookie, writeCookie, type AppCookie } from "@/lib/http/app-cookie";
import { openRecoveryAttempt, sealRecoveryAttempt, type RecoveryAttempt } from "./recovery-attempt";

// Scoped to the recovery pages.
export const recoveryCookie: AppCookie = { name: "stepwise_recovery", path: "/forgot-password" };

export async function readRecoveryAttempt(now = new Date()) {
  return openRecoveryAttempt(await readCookie(recoveryCookie), now);
}

/** In a server action. Strict, so no other site can drive the attempt. */
export async function saveRecoveryAttempt(attempt: RecoveryAttempt) {
  await writeCookie(recoveryCookie, sealRecoveryAttempt(attempt), { sameSite: "strict", expires: attempt.expiresAt });
}

export async function clearRecoveryAttempt() {
  await deleteCookie(recoveryCookie);
}
