import { afterEach, describe, expect, it, vi } from "vitest";
import { stopRateLimitSweeper } from "@/lib/auth/rate-limit-sweeper";
import { createOutboxTicker, stopOutboxWorker } from "@/lib/messaging/outbox-worker";
import { register } from "@/instrumentation";
import { stubMessagingEnv } from "./messaging-env";

afterEach(() => {
  stopOutboxWorker();
  stopRateLimitSweeper();
});

describe("outbox ticker", () => {
  it("skips a tick while the previous drain still runs, then runs again", async () => {
    let finish!: () => void;
    const drain = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const tick = createOutboxTicker(drain);

    const first = tick();
    expect(await tick()).toBe(false);
    expect(drain).toHaveBeenCalledTimes(1);
    finish();
    expect(await first).toBe(true);

    const third = tick();
    expect(drain).toHaveBeenCalledTimes(2);
    finish();
    expect(await third).toBe(true);
  });

  it("logs a failing drain in one line without query parameters, and keeps ticking", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const cause = new Error('relation "outbox" does not exist');
    const tick = createOutboxTicker(() =>
      Promise.reject(new Error('Failed query: select "body" from "outbox"\nparams: sealed-body-123456', { cause })),
    );
    expect(await tick()).toBe(true);
    expect(error).toHaveBeenCalledWith('[outbox] drain failed: Error: relation "outbox" does not exist');
    expect(await tick()).toBe(true);
  });
});

describe("instrumentation register()", () => {
  it("does nothing outside the Node.js runtime", async () => {
    vi.stubEnv("NEXT_RUNTIME", "edge");
    stubMessagingEnv({ DATABASE_URL: "postgres://db/stepwise" });
    const exit = vi.spyOn(process, "exit").mockImplementation((() => undefined) as never);
    await register();
    expect(exit).not.toHaveBeenCalled();
  });

  it("stops the server with one line when messaging is misconfigured", async () => {
    vi.stubEnv("NEXT_RUNTIME", "nodejs");
    stubMessagingEnv({ DATABASE_URL: "postgres://db/stepwise" });
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const exit = vi.spyOn(process, "exit").mockImplementation(((code?: number) => {
      throw new Error(`exit ${code}`);
    }) as never);
    await expect(register()).rejects.toThrow("exit 1");
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/^SMS_TRANSPORT is required when DATABASE_URL is set/));
    expect(exit).toHaveBeenCalledWith(1);
  });

  it("starts the outbox worker and the rate-limit sweep once per process, neither keeping it alive", async () => {
    vi.stubEnv("NEXT_RUNTIME", "nodejs");
    stubMessagingEnv({ SMS_TRANSPORT: "dev" });
    const setIntervalSpy = vi.spyOn(globalThis, "setInterval");
    await register();
    await register();
    // Every 5 s the outbox, every 10 minutes the ended rate-limit windows.
    expect(setIntervalSpy.mock.calls.map((call) => call[1])).toEqual([5_000, 600_000]);
    for (const { value } of setIntervalSpy.mock.results) expect((value as NodeJS.Timeout).hasRef()).toBe(false);
  });
});
