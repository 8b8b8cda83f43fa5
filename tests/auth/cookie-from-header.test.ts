import { describe, expect, it } from "vitest";
import { signUpRequestFromRequest } from "@/lib/accounts/sign-up-cookie";
import { cookieFromHeader } from "@/lib/auth/request-info";
import { cookieName, isHttps } from "@/lib/http/cookie-name";
import { recoveryCookie } from "@/lib/recovery/recovery-cookie";
import { deviceTokenFromRequest } from "@/lib/two-step/device-cookie";
import { passkeyAttemptFromRequest } from "@/lib/two-step/passkeys/passkey-cookie";

// Auth.js's authorize() sees only the raw Cookie header; each cookie a provider reads is found by its exact name.
describe("reading a cookie from a raw Cookie header", () => {
  const token = "a".repeat(43);
  const requestId = "0f8fad5b-d9cb-469f-a165-70867728950e";
  const overHttp = (cookie: string) => new Headers({ cookie });
  const overHttps = (cookie: string) => new Headers({ cookie, "x-forwarded-proto": "https" });

  it("finds a cookie by its exact name, wherever it stands", () => {
    expect(cookieFromHeader(`x=1; stepwise_device=${token}; y=2`, "stepwise_device")).toBe(token);
    expect(cookieFromHeader(`stepwise_device=${token}`, "stepwise_device")).toBe(token);
    // Another cookie whose name merely ends or starts the same is not it.
    expect(cookieFromHeader(`evil_stepwise_device=${token}`, "stepwise_device")).toBeNull();
    expect(cookieFromHeader(`stepwise_device_x=${token}`, "stepwise_device")).toBeNull();
    expect(cookieFromHeader(null, "stepwise_device")).toBeNull();
  });

  it("gives each provider only a well-formed value", () => {
    expect(deviceTokenFromRequest(overHttp(`a=b; stepwise_device=${token}`))).toBe(token);
    expect(deviceTokenFromRequest(overHttp(`stepwise_device=${token}x`))).toBeNull();
    expect(passkeyAttemptFromRequest(overHttp(`stepwise_passkey=${token}; a=b`))).toBe(token);
    expect(passkeyAttemptFromRequest(overHttp("stepwise_passkey=short"))).toBeNull();
    expect(signUpRequestFromRequest(overHttp(`stepwise_signup=${requestId}`))).toBe(requestId);
    expect(signUpRequestFromRequest(overHttp("stepwise_signup='; drop table users; --"))).toBeNull();
  });

  it("over HTTPS reads only the __Host- cookie, which no sibling subdomain or plain-HTTP page can have planted", () => {
    expect(deviceTokenFromRequest(overHttps(`__Host-stepwise_device=${token}`))).toBe(token);
    expect(deviceTokenFromRequest(overHttps(`stepwise_device=${token}`))).toBeNull();
    expect(passkeyAttemptFromRequest(overHttps(`stepwise_passkey=${token}`))).toBeNull();
    expect(passkeyAttemptFromRequest(overHttps(`__Host-stepwise_passkey=${token}`))).toBe(token);
    expect(signUpRequestFromRequest(overHttps(`stepwise_signup=${requestId}`))).toBeNull();
    expect(signUpRequestFromRequest(overHttps(`__Host-stepwise_signup=${requestId}`))).toBe(requestId);
  });

  it("names a cookie by the scheme the proxy reports: __Secure- for the one kept to the recovery pages", () => {
    expect(isHttps(new Headers({ "x-forwarded-proto": "https" }))).toBe(true);
    expect(isHttps(new Headers({ "x-forwarded-proto": "HTTPS, http" }))).toBe(true);
    expect(isHttps(new Headers({ "x-forwarded-proto": "http" }))).toBe(false);
    expect(isHttps(new Headers())).toBe(false);
    expect(cookieName(recoveryCookie, true)).toBe("__Secure-stepwise_recovery");
    expect(cookieName(recoveryCookie, false)).toBe("stepwise_recovery");
  });
});
