import { vi } from "vitest";

const messagingVars = [
  "DATABASE_URL",
  "SMS_TRANSPORT",
  "EMAIL_TRANSPORT",
  "TWILIO_ACCOUNT_SID",
  "TWILIO_AUTH_TOKEN",
  "TWILIO_FROM",
  "TWILIO_MESSAGING_SERVICE_SID",
  "TWILIO_API_BASE",
  "TWILIO_TIMEOUT_MS",
];

/**
 * Call in beforeEach: a known AUTH_SECRET (sealing needs one) and exactly these messaging variables, whatever the
 * shell had. vitest.config's unstubEnvs restores the real environment after each test.
 */
export function stubMessagingEnv(values: Record<string, string> = {}) {
  vi.stubEnv("AUTH_SECRET", "messaging-tests-secret-messaging-tests-secret");
  for (const name of messagingVars) vi.stubEnv(name, values[name] ?? "");
}
