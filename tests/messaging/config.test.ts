import { describe, expect, it } from "vitest";
import { devInboxEnabled, messagingConfig, MessagingConfigError } from "@/lib/messaging/config";
import { afterFailure, backoffMs, maxAttempts } from "@/lib/messaging/retry-policy";

const twilio = {
  SMS_TRANSPORT: "twilio",
  TWILIO_ACCOUNT_SID: "AC0123456789abcdef0123456789abcdef",
  TWILIO_AUTH_TOKEN: "token",
  TWILIO_FROM: "+15550006789",
};

function configError(source: Record<string, string>) {
  try {
    messagingConfig(source);
  } catch (error) {
    expect(error).toBeInstanceOf(MessagingConfigError);
    return (error as Error).message;
  }
  throw new Error("expected messagingConfig to throw");
}

describe("messagingConfig", () => {
  it("uses the dev transport for SMS and email on the embedded database (no DATABASE_URL)", () => {
    expect(messagingConfig({})).toEqual({ sms: { transport: "dev" }, email: { transport: "dev" } });
    expect(messagingConfig({ DATABASE_URL: "  " }).sms.transport).toBe("dev");
    expect(devInboxEnabled({})).toBe(true);
  });

  it("refuses to guess with DATABASE_URL set and no SMS_TRANSPORT, in one line that says what to set", () => {
    const source = { DATABASE_URL: "postgres://db/stepwise" };
    const message = configError(source);
    expect(message).toMatch(/^SMS_TRANSPORT is required when DATABASE_URL is set/);
    expect(message).toContain("SMS_TRANSPORT=dev");
    expect(message).not.toContain("\n");
    expect(devInboxEnabled(source)).toBe(false);
  });

  it("accepts SMS_TRANSPORT=dev explicitly on PostgreSQL (email follows it)", () => {
    const source = { DATABASE_URL: "postgres://db/stepwise", SMS_TRANSPORT: "dev" };
    expect(messagingConfig(source)).toEqual({ sms: { transport: "dev" }, email: { transport: "dev" } });
    expect(devInboxEnabled(source)).toBe(true);
  });

  it("reads a complete Twilio configuration with its defaults, and turns the dev inbox off", () => {
    const source = { DATABASE_URL: "postgres://db/stepwise", ...twilio };
    expect(messagingConfig(source)).toEqual({
      sms: {
        transport: "twilio",
        accountSid: twilio.TWILIO_ACCOUNT_SID,
        authToken: "token",
        from: "+15550006789",
        messagingServiceSid: undefined,
        apiBase: "https://api.twilio.com",
        timeoutMs: 10_000,
      },
      email: { transport: "none" },
    });
    expect(devInboxEnabled(source)).toBe(false);
  });

  it("takes a messaging service instead of a sender, an API base for a stub (trailing slash dropped) and a timeout", () => {
    const config = messagingConfig({ ...twilio, TWILIO_FROM: "", TWILIO_MESSAGING_SERVICE_SID: "MGabc", TWILIO_API_BASE: "http://127.0.0.1:4010/", TWILIO_TIMEOUT_MS: "250" });
    expect(config.sms).toMatchObject({ transport: "twilio", messagingServiceSid: "MGabc", from: undefined, apiBase: "http://127.0.0.1:4010", timeoutMs: 250 });
  });

  it("keeps the dev inbox on when EMAIL_TRANSPORT=dev is set next to Twilio", () => {
    const source = { DATABASE_URL: "postgres://db/stepwise", ...twilio, EMAIL_TRANSPORT: "dev" };
    expect(messagingConfig(source).email.transport).toBe("dev");
    expect(devInboxEnabled(source)).toBe(true);
  });

  it("names every missing Twilio setting", () => {
    expect(configError({ SMS_TRANSPORT: "twilio" })).toBe(
      "SMS_TRANSPORT=twilio needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID",
    );
    expect(configError({ ...twilio, TWILIO_AUTH_TOKEN: "" })).toBe("SMS_TRANSPORT=twilio needs TWILIO_AUTH_TOKEN");
  });

  it.each([
    [{ SMS_TRANSPORT: "carrier-pigeon" }, "SMS_TRANSPORT"],
    [{ EMAIL_TRANSPORT: "smtp" }, "EMAIL_TRANSPORT"],
    [{ ...twilio, TWILIO_ACCOUNT_SID: "SK123" }, "TWILIO_ACCOUNT_SID must start with AC"],
    [{ ...twilio, TWILIO_API_BASE: "ftp://x" }, "TWILIO_API_BASE"],
    [{ ...twilio, TWILIO_TIMEOUT_MS: "0" }, "TWILIO_TIMEOUT_MS"],
  ])("rejects a wrong value (%j) naming the variable", (source, expected) => {
    const message = configError(source);
    expect(message).toMatch(/^Invalid messaging settings: /);
    expect(message).toContain(expected);
    expect(message).not.toContain("\n");
  });
});

describe("retry policy", () => {
  const now = new Date("2030-01-01T00:00:00Z");

  it("doubles the wait from 30 s", () => {
    expect([1, 2, 3, 4, 5].map(backoffMs)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000]);
  });

  it("retries a retryable failure until the last attempt, then gives up", () => {
    expect(afterFailure({ attempt: 1, retryable: true, now })).toEqual({ retry: true, at: new Date(now.getTime() + 30_000) });
    expect(afterFailure({ attempt: maxAttempts - 1, retryable: true, now }).retry).toBe(true);
    expect(afterFailure({ attempt: maxAttempts, retryable: true, now })).toEqual({ retry: false });
  });

  it("never retries a permanent failure, and waits at least as long as the provider asks", () => {
    expect(afterFailure({ attempt: 1, retryable: false, now })).toEqual({ retry: false });
    expect(afterFailure({ attempt: 1, retryable: true, retryAfterMs: 300_000, now })).toEqual({ retry: true, at: new Date(now.getTime() + 300_000) });
  });
});
