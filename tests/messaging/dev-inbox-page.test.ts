import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";

// The page's auto-refresh needs the App Router; a no-op router is enough for a static render.
vi.mock("next/navigation", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/navigation")>()),
  useRouter: () => ({ refresh: () => {} }),
}));

import DevInboxPage from "@/app/dev/inbox/page";
import { enqueueMessage } from "@/lib/messaging/enqueue-message";
import { setupTestDatabase } from "../helpers/test-db";
import { stubMessagingEnv } from "./messaging-env";
import { twilioEnv } from "./twilio-stub";

setupTestDatabase();
beforeEach(() => stubMessagingEnv({ SMS_TRANSPORT: "dev" }));

const render = async (to?: string) => renderToStaticMarkup(await DevInboxPage({ searchParams: Promise.resolve(to === undefined ? {} : { to }) }));

describe("/dev/inbox", () => {
  it("answers 404 when no dev transport is on", async () => {
    stubMessagingEnv({ DATABASE_URL: "postgres://db/stepwise", ...twilioEnv("http://127.0.0.1:9") });
    await expect(render()).rejects.toMatchObject({ digest: expect.stringContaining("404") });
  });

  it("answers 404 when the configuration is broken (DATABASE_URL without SMS_TRANSPORT)", async () => {
    stubMessagingEnv({ DATABASE_URL: "postgres://db/stepwise" });
    await expect(render()).rejects.toMatchObject({ digest: expect.stringContaining("404") });
  });

  it("shows an empty state before anything is sent", async () => {
    expect(await render()).toContain("No messages yet");
  });

  it("shows each message as an article named by channel and recipient, newest first, with its body in clear", async () => {
    const t = (s: number) => new Date(Date.UTC(2032, 0, 1, 0, 0, s));
    await enqueueMessage({ channel: "sms", recipient: "+15551234567", body: "Your code is 111111" }, { now: t(1) });
    await enqueueMessage({ channel: "email", recipient: "ana@example.com", subject: "New sign-in", body: "Was it you?" }, { now: t(2) });
    await enqueueMessage({ channel: "sms", recipient: "+15551234567", body: "Your code is 222222" }, { now: t(3) });

    const html = await render();
    expect(html).toContain('aria-label="SMS to +15551234567"');
    expect(html).toContain('aria-label="Email to ana@example.com"');
    expect(html.indexOf("222222")).toBeLessThan(html.indexOf("Was it you?"));
    expect(html.indexOf("Was it you?")).toBeLessThan(html.indexOf("111111"));

    const filtered = await render(" 15551234567");
    expect(filtered).toContain("222222");
    expect(filtered).not.toContain("Email to ana@example.com");
    expect(filtered).not.toContain("Was it you?");
    expect(await render("+15550000000")).toContain("No messages to +15550000000 yet");
  });
});
