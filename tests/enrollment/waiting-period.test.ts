import { describe, expect, it } from "vitest";
import { waitingDaysFromEnv, waitingPeriod } from "@/lib/two-step/enrollment/waiting-period";

const day = 24 * 60 * 60_000;
const now = new Date("2030-06-10T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

describe("waitingPeriod (pure, fake clock)", () => {
  it("a password changed 2 days 23 h 59 min ago still blocks enabling, until exactly 3 days after the change", () => {
    const changedAt = ago(3 * day - 60_000);
    const period = waitingPeriod({ changes: [{ reason: "password", at: changedAt }], now, days: 3 });
    expect(period).toEqual({ reason: "password", changedAt, until: new Date(changedAt.getTime() + 3 * day) });
    expect(period!.until.getTime() - now.getTime()).toBe(60_000);
  });

  it("at exactly 3 days after the change the wait is over", () => {
    expect(waitingPeriod({ changes: [{ reason: "password", at: ago(3 * day) }], now, days: 3 })).toBeNull();
    expect(waitingPeriod({ changes: [{ reason: "email", at: ago(3 * day + 1) }], now, days: 3 })).toBeNull();
  });

  it("email and trusted-phone changes count too; the change that ends last decides", () => {
    const period = waitingPeriod({
      changes: [
        { reason: "password", at: ago(2 * day) },
        { reason: "phone", at: ago(day) },
        { reason: "email", at: ago(2.5 * day) },
      ],
      now,
      days: 3,
    });
    expect(period?.reason).toBe("phone");
    expect(period?.until).toEqual(new Date(now.getTime() + 2 * day));
  });

  it("no changes, or a waiting period of 0 days, never blocks", () => {
    expect(waitingPeriod({ changes: [], now, days: 3 })).toBeNull();
    expect(waitingPeriod({ changes: [{ reason: "password", at: now }], now, days: 0 })).toBeNull();
  });

  it("the length is configurable: 1 day", () => {
    expect(waitingPeriod({ changes: [{ reason: "password", at: ago(day - 1) }], now, days: 1 })).not.toBeNull();
    expect(waitingPeriod({ changes: [{ reason: "password", at: ago(day) }], now, days: 1 })).toBeNull();
  });
});

describe("waitingDaysFromEnv", () => {
  it("defaults to 3 days and reads TWO_STEP_WAITING_DAYS (0 switches the wait off, fractions allowed)", () => {
    expect(waitingDaysFromEnv({})).toBe(3);
    expect(waitingDaysFromEnv({ TWO_STEP_WAITING_DAYS: "" })).toBe(3);
    expect(waitingDaysFromEnv({ TWO_STEP_WAITING_DAYS: "0" })).toBe(0);
    expect(waitingDaysFromEnv({ TWO_STEP_WAITING_DAYS: " 7 " })).toBe(7);
    expect(waitingDaysFromEnv({ TWO_STEP_WAITING_DAYS: "0.5" })).toBe(0.5);
  });

  it("refuses nonsense with one readable line", () => {
    for (const bad of ["-1", "abc", "31", "Infinity"]) {
      expect(() => waitingDaysFromEnv({ TWO_STEP_WAITING_DAYS: bad })).toThrow(/TWO_STEP_WAITING_DAYS must be a number of days from 0 to 30/);
    }
  });
});
