import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isInRamp, nextRampStep, rampBucket, rampPercentAt, rampProblem } from "@/lib/rollout/ramp";

const start = new Date("2026-12-01T09:00:00Z");
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
const ramp = [
  { percent: 10, afterMinutes: 0 },
  { percent: 50, afterMinutes: 24 * 60 },
  { percent: 100, afterMinutes: 72 * 60 },
];

describe("ramp steps take effect at their time (fake clock)", () => {
  it("is 0% before the start, then each step's share from its minute on", () => {
    expect(rampPercentAt(ramp, start, at(-1))).toBe(0);
    expect(rampPercentAt(ramp, start, at(0))).toBe(10);
    expect(rampPercentAt(ramp, start, at(24 * 60 - 1))).toBe(10);
    expect(rampPercentAt(ramp, start, at(24 * 60))).toBe(50);
    expect(rampPercentAt(ramp, start, at(72 * 60))).toBe(100);
    expect(rampPercentAt(ramp, start, at(10 * 72 * 60))).toBe(100);
  });

  it("names the next step until the last one is reached", () => {
    expect(nextRampStep(ramp, start, at(5))).toEqual({ percent: 50, at: at(24 * 60) });
    expect(nextRampStep(ramp, start, at(72 * 60))).toBeNull();
  });

  it("accepts only ramps that start at minute 0, rise in percent and time, and end at 100%", () => {
    expect(rampProblem(ramp)).toBeNull();
    expect(rampProblem([{ percent: 100, afterMinutes: 0 }])).toBeNull();
    expect(rampProblem([])).toBe("EMPTY");
    expect(rampProblem([{ percent: 50, afterMinutes: 0 }])).toBe("NOT_FULL");
    expect(rampProblem([{ percent: 10, afterMinutes: 5 }, { percent: 100, afterMinutes: 10 }])).toBe("FIRST_NOT_AT_START");
    expect(rampProblem([{ percent: 50, afterMinutes: 0 }, { percent: 40, afterMinutes: 10 }, { percent: 100, afterMinutes: 20 }])).toBe("NOT_RISING");
    expect(rampProblem([{ percent: 10, afterMinutes: 0 }, { percent: 100, afterMinutes: 0 }])).toBe("TIME_NOT_RISING");
    expect(rampProblem([{ percent: 0, afterMinutes: 0 }, { percent: 100, afterMinutes: 10 }])).toBe("PERCENT_RANGE");
  });
});

describe("ramp bucketing (hash of wave + account to 0–99)", () => {
  const uuid = fc.uuid();
  const waveId = fc.integer({ min: 1, max: 1_000_000 });

  it("is deterministic: the same wave and account always land in the same bucket (e.g. after a restart)", () => {
    fc.assert(fc.property(waveId, uuid, (w, u) => rampBucket(w, u) === rampBucket(w, u) && rampBucket(w, u) >= 0 && rampBucket(w, u) <= 99));
    // A fixed vector computed independently (Python: int.from_bytes(md5(b"3:<uuid>")[:4], "big") % 100), so a change
    // of hash — which would reshuffle every running ramp — fails here.
    expect(rampBucket(3, "9f1c1c5e-3a3b-4f0e-9d2a-1b2c3d4e5f60")).toBe(3);
  });

  it("is monotone: an account in at p% stays in at every higher percentage", () => {
    fc.assert(
      fc.property(waveId, uuid, fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (w, u, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        return !isInRamp(w, u, low) || isInRamp(w, u, high);
      }),
    );
  });

  it("offers 0% to nobody, 100% to everybody, and roughly p% to p% of accounts", () => {
    const ids = Array.from({ length: 4000 }, () => crypto.randomUUID());
    expect(ids.filter((u) => isInRamp(7, u, 0))).toHaveLength(0);
    expect(ids.filter((u) => isInRamp(7, u, 100))).toHaveLength(ids.length);
    const share = ids.filter((u) => isInRamp(7, u, 25)).length / ids.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.3);
  });

  it("gives different waves independent buckets, so the same accounts are not always first", () => {
    const ids = Array.from({ length: 400 }, () => crypto.randomUUID());
    const firstInWave1 = ids.filter((u) => isInRamp(1, u, 10));
    const alsoFirstInWave2 = firstInWave1.filter((u) => isInRamp(2, u, 10));
    expect(alsoFirstInWave2.length).toBeLessThan(firstInWave1.length);
  });
});
