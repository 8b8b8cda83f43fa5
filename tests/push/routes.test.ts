import { beforeEach, describe, expect, it, vi } from "vitest";
import { setupTestDatabase } from "../helpers/test-db";
import { challengeRow, makeUser, pushedCode, trustedBrowser } from "./fixtures";

// The route handlers read the session cookie's id and the device cookie from the request; here they are whatever
// the test says, so each case is one browser.
const browser = vi.hoisted(() => ({ sessionId: null as string | null, deviceToken: null as string | null }));
vi.mock("@/lib/auth/session-cookie", () => ({ readSessionId: async () => browser.sessionId }));
vi.mock("@/lib/two-step/device-cookie", () => ({ readDeviceToken: async () => browser.deviceToken }));

const { GET } = await import("@/app/api/device-prompts/route");
const { POST } = await import("@/app/api/device-prompts/[id]/deny/route");

setupTestDatabase({ seed: "countries" });

const as = (sessionId: string | null, deviceToken: string | null) => Object.assign(browser, { sessionId, deviceToken });
const deny = (id: string, headers: Record<string, string> = { "sec-fetch-site": "same-origin", origin: "http://stepwise.test", host: "stepwise.test" }) =>
  POST(new Request(`http://stepwise.test/api/device-prompts/${id}/deny`, { method: "POST", headers }), { params: Promise.resolve({ id }) });

beforeEach(() => {
  as(null, null);
});

describe("GET /api/device-prompts", () => {
  it("gives the trusted browser its prompts with the code, never cached", async () => {
    const owner = await makeUser();
    const trusted = await trustedBrowser(owner);
    const { challengeId } = await pushedCode(owner);
    as(trusted.sessionId, trusted.token);
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("no-store");
    const body = (await response.json()) as { prompts: { id: string; code: string }[] };
    expect(body.prompts.map((p) => p.id)).toEqual([challengeId]);
    expect(body.prompts[0]!.code).toMatch(/^\d{6}$/);
  });

  it("answers 404 with nothing to everyone else: signed out, pending, untrusted browser, another account", async () => {
    const owner = await makeUser();
    const other = await makeUser();
    const trusted = await trustedBrowser(owner);
    const pending = await trustedBrowser(owner, { aal: 1 });
    const otherBrowser = await trustedBrowser(other);
    const { sessionId: askingSession } = await pushedCode(owner);
    for (const [sessionId, token] of [
      [null, trusted.token],
      [pending.sessionId, pending.token],
      [trusted.sessionId, null],
      [askingSession, trusted.token],
      [otherBrowser.sessionId, trusted.token],
    ] as const) {
      as(sessionId, token);
      const response = await GET();
      expect(response.status, `${sessionId} / ${token}`).toBe(404);
      expect(await response.json()).toEqual({ prompts: [] });
    }
  });
});

describe("POST /api/device-prompts/[id]/deny", () => {
  it("denies from the trusted browser of the same account", async () => {
    const owner = await makeUser();
    const trusted = await trustedBrowser(owner);
    const { challengeId } = await pushedCode(owner);
    as(trusted.sessionId, trusted.token);
    const response = await deny(challengeId);
    expect(response.status).toBe(200);
    expect((await challengeRow(challengeId)).deniedAt).toBeInstanceOf(Date);
    // Nothing left to deny.
    expect((await deny(challengeId)).status).toBe(404);
  });

  it("refuses cross-site requests and non-receivers without touching the attempt", async () => {
    const owner = await makeUser();
    const other = await makeUser();
    const trusted = await trustedBrowser(owner);
    const otherBrowser = await trustedBrowser(other);
    const { challengeId, sessionId: askingSession } = await pushedCode(owner);

    as(trusted.sessionId, trusted.token);
    expect((await deny(challengeId, { "sec-fetch-site": "cross-site", origin: "https://evil.test", host: "stepwise.test" })).status).toBe(403);
    expect((await deny(challengeId, { origin: "https://evil.test", host: "stepwise.test" })).status).toBe(403);
    expect((await deny(challengeId, {})).status).toBe(403);

    // The asking (pending) browser cannot deny its own attempt, nor can another account's trusted browser.
    as(askingSession, null);
    expect((await deny(challengeId)).status).toBe(404);
    as(otherBrowser.sessionId, otherBrowser.token);
    expect((await deny(challengeId)).status).toBe(404);
    expect((await challengeRow(challengeId)).deniedAt).toBeNull();
  });
});
