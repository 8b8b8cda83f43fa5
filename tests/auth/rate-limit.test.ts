import { describe, expect, it } from "vitest";
import { db, useDatabase } from "@/db";
import { rateLimits } from "@/db/schema";
import { clearRateLimit, hitRateLimit, peekRateLimit, purgeExpiredRateLimits } from "@/lib/auth/rate-limit";
import { setupTestDatabase } from "../helpers/test-db";

const testDb = setupTestDatabase();

const minute = 60_000;
const windowMs = 15 * minute;
const t0 = new Date("2030-01-01T12:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

describe("hitRateLimit", () => {
  it("counts hits within one window and keeps the window's end fixed", async () => {
    const key = "test:count";
    const first = await hitRateLimit({ key, windowMs, now: t0 });
    expect(first.hits).toBe(1);
    expect(first.resetAt.getTime()).toBe(t0.getTime() + windowMs);

    const second = await hitRateLimit({ key, windowMs, now: at(5 * minute) });
    const third = await hitRateLimit({ key, windowMs, now: at(windowMs - 1) });
    expect([second.hits, third.hits]).toEqual([2, 3]);
    // A fixed window: later hits do not push the reset time out.
    expect(third.resetAt.getTime()).toBe(first.resetAt.getTime());
  });

  it("starts a new window once the old one has ended", async () => {
    const key = "test:reset";
    for (let i = 0; i < 4; i++) await hitRateLimit({ key, windowMs, now: at(i * minute) });

    const after = await hitRateLimit({ key, windowMs, now: at(windowMs) });
    expect(after.hits).toBe(1);
    expect(after.resetAt.getTime()).toBe(t0.getTime() + 2 * windowMs);

    const next = await hitRateLimit({ key, windowMs, now: at(windowMs + minute) });
    expect(next.hits).toBe(2);
  });

  it("keeps keys apart", async () => {
    await hitRateLimit({ key: "test:a", windowMs, now: t0 });
    await hitRateLimit({ key: "test:a", windowMs, now: t0 });
    const b = await hitRateLimit({ key: "test:b", windowMs, now: t0 });
    expect(b.hits).toBe(1);
    expect((await peekRateLimit({ key: "test:a", now: t0 })).hits).toBe(2);
  });

  it("counts an IPv6 client's whole /64 as one address under every per-IP key, and clears it the same way", async () => {
    for (const scope of ["signin", "api", "signup", "setup-text", "recovery", "reset-request", "passkey"]) {
      await hitRateLimit({ key: `${scope}:ip:2001:db8:7:1::1`, windowMs, now: t0 });
      expect((await hitRateLimit({ key: `${scope}:ip:2001:DB8:7:1:dead:beef:0:2`, windowMs, now: t0 })).hits, scope).toBe(2);
      expect((await peekRateLimit({ key: `${scope}:ip:2001:db8:7:2::1`, now: t0 })).hits, scope).toBe(0);
      await clearRateLimit(`${scope}:ip:2001:db8:7:1::3`);
      expect((await peekRateLimit({ key: `${scope}:ip:2001:db8:7:1::1`, now: t0 })).hits, scope).toBe(0);
    }
    await hitRateLimit({ key: "signin:ip:::ffff:192.0.2.77", windowMs, now: t0 });
    expect((await peekRateLimit({ key: "signin:ip:192.0.2.77", now: t0 })).hits).toBe(1);
  });

  it("counts 20 concurrent hits exactly once each (1..20, no lost update)", async () => {
    const key = "test:concurrent";
    const results = await Promise.all(
      Array.from({ length: 20 }, () => hitRateLimit({ key, windowMs, now: t0 })),
    );
    expect(results.map((r) => r.hits).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect((await peekRateLimit({ key, now: t0 })).hits).toBe(20);
  });

  it.runIf(testDb.driver === "postgres")(
    "shares one counter between two separate connections (two app instances) under concurrency",
    async () => {
      const key = "test:two-instances";
      const a = testDb();
      const b = testDb.connectAgain();
      try {
        // The `db` proxy resolves the connection synchronously when each call starts, so alternating
        // useDatabase() before each call sends the hits down two different connection pools at once.
        const pending = Array.from({ length: 20 }, (_, i) => {
          useDatabase(i % 2 ? b : a);
          return hitRateLimit({ key, windowMs, now: t0 });
        });
        useDatabase(a);
        const results = await Promise.all(pending);
        expect(results.map((r) => r.hits).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));

        // And each connection sees what the other wrote.
        useDatabase(b);
        expect((await peekRateLimit({ key, now: t0 })).hits).toBe(20);
      } finally {
        useDatabase(a);
      }
    },
  );
});

describe("peekRateLimit", () => {
  it("reads the current count without adding a hit", async () => {
    const key = "test:peek";
    await hitRateLimit({ key, windowMs, now: t0 });
    expect(await peekRateLimit({ key, now: at(minute) })).toEqual({ hits: 1, resetAt: at(windowMs) });
    expect((await peekRateLimit({ key, now: at(minute) })).hits).toBe(1);
  });

  it("reports zero for an unknown key and for an expired window", async () => {
    expect((await peekRateLimit({ key: "test:never", now: t0 })).hits).toBe(0);
    await hitRateLimit({ key: "test:expired", windowMs, now: t0 });
    expect((await peekRateLimit({ key: "test:expired", now: at(windowMs - 1) })).hits).toBe(1);
    expect((await peekRateLimit({ key: "test:expired", now: at(windowMs) })).hits).toBe(0);
  });
});

describe("clearRateLimit", () => {
  it("removes only the given key", async () => {
    await hitRateLimit({ key: "test:clear-me", windowMs, now: t0 });
    await hitRateLimit({ key: "test:keep-me", windowMs, now: t0 });
    await clearRateLimit("test:clear-me");
    expect((await peekRateLimit({ key: "test:clear-me", now: t0 })).hits).toBe(0);
    expect((await peekRateLimit({ key: "test:keep-me", now: t0 })).hits).toBe(1);
    expect((await hitRateLimit({ key: "test:clear-me", windowMs, now: t0 })).hits).toBe(1);
  });
});

describe("stored keys", () => {
  it("keeps no address or IP in the table, and still finds each counter by its key", async () => {
    await hitRateLimit({ key: "signin:account:someone@example.com", windowMs, now: t0 });
    await hitRateLimit({ key: "signin:ip:203.0.113.7", windowMs, now: t0 });
    await hitRateLimit({ key: "signin:ip:203.0.113.7", windowMs, now: t0 });

    const dump = JSON.stringify(await db.select().from(rateLimits));
    expect(dump).not.toContain("someone@example.com");
    expect(dump).not.toContain("203.0.113.7");
    expect((await peekRateLimit({ key: "signin:account:someone@example.com", now: t0 })).hits).toBe(1);
    expect((await peekRateLimit({ key: "signin:ip:203.0.113.7", now: t0 })).hits).toBe(2);
  });
});

describe("purgeExpiredRateLimits", () => {
  it("deletes only ended windows, a batch at a time, and leaves running counts as they were", async () => {
    await db.delete(rateLimits); // the counters of the tests above
    for (const key of ["test:ended-1", "test:ended-2", "test:ended-3"]) await hitRateLimit({ key, windowMs, now: t0 });
    await hitRateLimit({ key: "test:running", windowMs: 4 * windowMs, now: t0 });
    await hitRateLimit({ key: "test:running", windowMs: 4 * windowMs, now: at(minute) });

    const later = at(windowMs);
    expect(await purgeExpiredRateLimits({ now: later, batch: 2 })).toBe(2);
    expect(await purgeExpiredRateLimits({ now: later, batch: 2 })).toBe(1);
    expect(await purgeExpiredRateLimits({ now: later, batch: 2 })).toBe(0);

    expect(await db.select().from(rateLimits)).toHaveLength(1);
    expect((await peekRateLimit({ key: "test:running", now: later })).hits).toBe(2);
  });
});
