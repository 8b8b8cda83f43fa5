// "Is your account secure?" — pure rules over plain data (no I/O); loading lives in load-security-checkup.ts.

export type CheckStatus = "ok" | "fix" | "unavailable";
export type CheckId = "twoStep" | "recoveryKey" | "trustedFactors";

export interface CheckupFacts {
  twoStepEnabled: boolean;
  /** 2SV can be turned on in the account's country now. */
  twoStepAvailable: boolean;
  recoveryKeyConfirmed: boolean;
  /** Working ways to pass the second step: phones, trusted browsers, an authenticator app, passkeys, backup codes. */
  secondFactors: number;
}

export interface CheckItem {
  id: CheckId;
  status: CheckStatus;
  /** The one-click fix (or, when nothing can be done yet, where to read why). */
  href: string;
}

export const fixLinks = {
  enable: "/account/security/enable",
  recoveryKey: "/account/recovery-key",
  security: "/account/security",
  signIns: "#signed-in-devices",
} as const;

/** The checks, and the score over those that apply: a check not available yet is shown, but neither passed nor failed. */
export function assessAccountSecurity(facts: CheckupFacts): { items: CheckItem[]; passed: number; total: number } {
  const canEnable = !facts.twoStepEnabled && facts.twoStepAvailable;
  const blocked = !facts.twoStepEnabled && !facts.twoStepAvailable;
  const items: CheckItem[] = [
    facts.twoStepEnabled
      ? { id: "twoStep", status: "ok", href: fixLinks.security }
      : { id: "twoStep", status: canEnable ? "fix" : "unavailable", href: canEnable ? fixLinks.enable : fixLinks.security },
    // The Recovery Key comes with 2SV: without 2SV the fix is to turn it on.
    facts.twoStepEnabled
      ? { id: "recoveryKey", status: facts.recoveryKeyConfirmed ? "ok" : "fix", href: fixLinks.recoveryKey }
      : { id: "recoveryKey", status: blocked ? "unavailable" : "fix", href: blocked ? fixLinks.security : fixLinks.enable },
    // One method is a single point of failure: losing that phone or device leaves only the Recovery Key. Without 2SV
    // the methods are added by turning it on.
    {
      id: "trustedFactors",
      status: facts.secondFactors > 1 ? "ok" : blocked ? "unavailable" : "fix",
      href: canEnable ? fixLinks.enable : fixLinks.security,
    },
  ];
  return { items, passed: items.filter((i) => i.status === "ok").length, total: items.filter((i) => i.status !== "unavailable").length };
}
