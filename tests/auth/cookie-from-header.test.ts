import { describe, expect, it } from "vitest";
import { signUpRequestFromCookieHeader } from "@/lib/accounts/sign-up-cookie";
import { cookieFromHeader } from "@/lib/auth/request-info";
import { deviceTokenFromCookieHeader } from "@/lib/two-step/device-cookie";
import { passkeyAttemptFromCookieHeader } from "@/lib/two-step/passkeys/passkey-cookie";

// Auth.js's authorize() sees only the raw Cookie header; each cookie a provider reads is found by its exact name.
describe("reading a cookie from a raw Cookie header", () => {
  const token = "a".repeat(43);
  const requestId = "0f8fad5b-d9cb-469f-a165-70867728950e";

  it("finds a cookie by its exact name, wherever it stands", () => {
    expect(cookieFromHeader(`x=1; stepwise_device=${token}; y=2`, "stepwise_device")).toBe(token);
    expect(cookieFromHeader(`stepwise_device=${token}`, "stepwise_device")).toBe(token);
    // Another cookie whose name merely ends or starts the same is not it.
    expect(cookieFromHeader(`evil_stepwise_device=${token}`, "stepwise_device")).toBeNull();
    expect(cookieFromHeader(`stepwise_device_x=${token}`, "stepwise_device")).toBeNull();
    expect(cookieFromHeader(null, "stepwise_device")).toBeNull();
  });

  it("gives each provider only a well-formed value", () => {
    expect(deviceTokenFromCookieHeader(`a=b; stepwise_device=${token}`)).toBe(token);
    expect(deviceTokenFromCookieHeader(`stepwise_device=${token}x`)).toBeNull();
    expect(passkeyAttemptFromCookieHeader(`stepwise_passkey=${token}; a=b`)).toBe(token);
    expect(passkeyAttemptFromCookieHeader("stepwise_passkey=short")).toBeNull();
    expect(signUpRequestFromCookieHeader(`stepwise_signup=${requestId}`)).toBe(requestId);
    expect(signUpRequestFromCookieHeader("stepwise_signup='; drop table users; --")).toBeNull();
  });
});
