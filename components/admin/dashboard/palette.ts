/**
 * Series colours with at least 3:1 contrast against white cards and against the dark cards (slate-900), as
 * WCAG 1.4.11 asks of graphics: blue-600, amber-600 (amber-500 is 2.2:1 on white), emerald-600, violet-500,
 * rose-600, cyan-600; slate-500 is kept for "Other".
 */
export const SERIES_COLOURS = ["#2563eb", "#d97706", "#059669", "#8b5cf6", "#e11d48", "#0891b2"] as const;
export const OTHER_COLOUR = "#64748b";

export const seriesColour = (i: number) => SERIES_COLOURS[i % SERIES_COLOURS.length]!;

/** Line patterns, so lines differ by more than their colour. */
export const DASHES = [undefined, "6 3", "2 3", "10 4 2 4", "1 5", "12 6"] as const;

const METHOD_NAMES: Record<string, string> = {
  sms: "Text message",
  device: "Trusted device",
  "sms+device": "Both",
  totp: "Authenticator app",
  passkey: "Passkey",
  backup_code: "Backup code",
  unknown: "Not recorded",
};

export const methodName = (method: string) => METHOD_NAMES[method] ?? method;

export const FUNNEL_STEP_NAMES: Record<string, string> = {
  enrollment_started: "Started",
  phone_verified: "Phone verified",
  device_trusted: "Device trusted",
  key_confirmed: "Key confirmed",
  two_step_enabled: "Enabled",
};

export const OUTCOME_COLOURS = { sent: "#2563eb", passed: "#059669", failed: "#e11d48", denied: "#d97706", locked: "#7c3aed" } as const;
