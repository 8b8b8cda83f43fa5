import { cookies, headers } from "next/headers";
import { openRecoveryAttempt, sealRecoveryAttempt, type RecoveryAttempt } from "./recovery-attempt";

export const recoveryCookie = "stepwise_recovery";

export async function readRecoveryAttempt(now = new Date()) {
  return openRecoveryAttempt((await cookies()).get(recoveryCookie)?.value, now);
}

/** In a server action. Scoped to the recovery pages; Strict so no other site can drive the attempt. */
export async function saveRecoveryAttempt(attempt: RecoveryAttempt) {
  (await cookies()).set(recoveryCookie, sealRecoveryAttempt(attempt), {
    httpOnly: true,
    sameSite: "strict",
    secure: (await headers()).get("x-forwarded-proto") === "https",
    path: "/forgot-password",
    expires: attempt.expiresAt,
  });
}

export async function clearRecoveryAttempt() {
  (await cookies()).set(recoveryCookie, "", { httpOnly: true, sameSite: "strict", path: "/forgot-password", maxAge: 0 });
}
