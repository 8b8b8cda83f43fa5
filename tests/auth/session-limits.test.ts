import { describe, expect, it } from "vitest";
import { hasSessionEnded, sessionEndsAt, sessionLimits } from "@/lib/auth/session-limits";

const t0 = new Date("2030-01-01T00:00:00Z");
const plus = (ms: number) => new Date(t0.getTime() + ms);
const hour = 3_600_000;
const noTwoStep = { twoStepEnabledAt: null };
const twoStep = { twoStepEnabledAt: new Date("2029-01-01T00:00:00Z") };

describe("sessionEndsAt", () => {
  it("holds NIST's AAL2 numbers for accounts with 2SV: 24 hours overall, 1 hour idle", () => {
    expect(sessionLimits.twoStep).toEqual({ overallMs: 24 * hour, idleMs: hour });
    expect(sessionLimits.passwordOnly).toEqual({ overallMs: 30 * 24 * hour, idleMs: null });
    // A pending session (password passed, code owed) has half an hour to finish the second step.
    expect(sessionLimits.pending).toEqual({ overallMs: hour / 2, idleMs: null });
  });

  it("ends at whichever comes first: the idle limit from the last request, or the overall one from signing in", () => {
    expect(sessionEndsAt({ aal: 2, authenticatedAt: t0, lastSeenAt: plus(3 * hour) }, twoStep)).toEqual(plus(4 * hour));
    expect(sessionEndsAt({ aal: 2, authenticatedAt: t0, lastSeenAt: plus(23.5 * hour) }, twoStep)).toEqual(plus(24 * hour));
    expect(sessionEndsAt({ aal: 1, authenticatedAt: t0, lastSeenAt: plus(29 * 24 * hour) }, noTwoStep)).toEqual(plus(30 * 24 * hour));
  });

  it("holds an aal 2 session to the 2SV limits even when the account's 2SV is off (a passkey sign-in, say)", () => {
    expect(hasSessionEnded({ aal: 2, authenticatedAt: t0, lastSeenAt: t0 }, noTwoStep, plus(hour))).toBe(true);
    expect(hasSessionEnded({ aal: 1, authenticatedAt: t0, lastSeenAt: t0 }, noTwoStep, plus(hour))).toBe(false);
  });

  it("gives a pending session of a 2SV account half an hour from its password, however busy", () => {
    const pending = { aal: 1, authenticatedAt: t0, lastSeenAt: plus(hour / 2 - 1) };
    expect(hasSessionEnded(pending, twoStep, plus(hour / 2 - 1))).toBe(false);
    expect(hasSessionEnded(pending, twoStep, plus(hour / 2))).toBe(true);
  });

  it("ends exactly at the limit, not a millisecond later", () => {
    const session = { aal: 2, authenticatedAt: t0, lastSeenAt: t0 };
    expect(hasSessionEnded(session, twoStep, plus(hour - 1))).toBe(false);
    expect(hasSessionEnded(session, twoStep, plus(hour))).toBe(true);
  });
});
