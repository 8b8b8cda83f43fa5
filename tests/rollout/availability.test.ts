import { describe, expect, it } from "vitest";
import { availabilityAt, availabilityForAccount, type WaveTiming } from "@/lib/rollout/availability";
import { rampBucket } from "@/lib/rollout/ramp";
import { wavePhaseAt, waveCommandProblem, type WaveState } from "@/lib/rollout/waves/wave-rules";

const start = new Date("2026-12-01T09:00:00Z");
const at = (hours: number) => new Date(start.getTime() + hours * 3_600_000);
const wave: WaveTiming = {
  id: 3,
  name: "Wave 3",
  status: "scheduled",
  startsAt: start,
  rampSteps: [
    { percent: 10, afterMinutes: 0 },
    { percent: 100, afterMinutes: 48 * 60 },
  ],
};

describe("availability is computed from the stored times whenever it is read", () => {
  it("a scheduled wave is 'scheduled' before its start, ramping from it, available at the last step", () => {
    expect(availabilityAt(wave, at(-1))).toEqual({ status: "scheduled", wave: "Wave 3", startsAt: start });
    expect(availabilityAt(wave, at(1))).toEqual({ status: "ramping", wave: "Wave 3", waveId: 3, since: start, percent: 10 });
    expect(availabilityAt(wave, at(48))).toEqual({ status: "available", wave: "Wave 3", since: start });
  });

  it("drafts and requests are only 'planned'; cancelled or no wave is 'not available'", () => {
    expect(availabilityAt({ ...wave, status: "draft", startsAt: null }, at(1))).toEqual({ status: "planned", wave: "Wave 3" });
    expect(availabilityAt({ ...wave, status: "pending_approval" }, at(1))).toEqual({ status: "planned", wave: "Wave 3" });
    expect(availabilityAt({ ...wave, status: "cancelled" }, at(1))).toEqual({ status: "not_available" });
    expect(availabilityAt(null, at(1))).toEqual({ status: "not_available" });
  });

  it("a pause of the wave or of the country overlays the plan; lifting it restores exactly the planned state", () => {
    const planned = availabilityAt(wave, at(1));
    expect(availabilityAt({ ...wave, pausedAt: at(0.5), pauseReason: "carrier outage" }, at(1))).toMatchObject({ status: "paused", reason: "carrier outage" });
    expect(availabilityAt(wave, at(1), { reason: "fraud spike", source: "staff" })).toMatchObject({ status: "paused", reason: "fraud spike" });
    expect(availabilityAt({ ...wave, pausedAt: null, pauseReason: null }, at(1), null)).toEqual(planned);
  });

  it("while ramping, an account is offered 2SV exactly when its bucket is below the percentage", () => {
    const ramping = availabilityAt(wave, at(1));
    const ids = Array.from({ length: 300 }, () => crypto.randomUUID());
    for (const id of ids) {
      const seen = availabilityForAccount(ramping, id).status;
      expect(seen).toBe(rampBucket(3, id) < 10 ? "available" : "ramping");
    }
    // Once the ramp is full, everyone is offered it.
    for (const id of ids) expect(availabilityForAccount(availabilityAt(wave, at(48)), id).status).toBe("available");
  });
});

describe("wave life and who may move it", () => {
  const operator = { id: "op", role: "operator" as const };
  const admin = { id: "ad", role: "admin" as const };
  const viewer = { id: "vi", role: "viewer" as const };
  const pending: WaveState = { status: "pending_approval", startsAt: null, startOnApproval: true, rampSteps: [{ percent: 100, afterMinutes: 0 }], requestedBy: "op", pausedAt: null };

  it("approval stores 'scheduled'; live and complete follow from the times", () => {
    const approved = { ...pending, status: "scheduled" as const, startsAt: start, rampSteps: wave.rampSteps! };
    expect(wavePhaseAt(approved, at(-1)).phase).toBe("scheduled");
    expect(wavePhaseAt(approved, at(1))).toEqual({ phase: "live", percent: 10 });
    expect(wavePhaseAt(approved, at(48))).toEqual({ phase: "complete", percent: 100 });
  });

  it("four-eyes: the requester cannot approve; operators and viewers cannot approve at all; another admin can", () => {
    expect(waveCommandProblem({ command: "approve", wave: pending, actor: { id: "op", role: "admin" }, now: at(0) })).toBe("OWN_REQUEST");
    expect(waveCommandProblem({ command: "approve", wave: pending, actor: { id: "x", role: "operator" }, now: at(0) })).toBe("FORBIDDEN");
    expect(waveCommandProblem({ command: "approve", wave: pending, actor: viewer, now: at(0) })).toBe("FORBIDDEN");
    expect(waveCommandProblem({ command: "approve", wave: pending, actor: admin, now: at(0) })).toBeNull();
    expect(waveCommandProblem({ command: "reject", wave: pending, actor: { id: "op", role: "admin" }, now: at(0) })).toBe("OWN_REQUEST");
  });

  it("viewers cannot plan, request or pause; a dated start that has passed cannot be approved", () => {
    const draft = { ...pending, status: "draft" as const, requestedBy: null };
    for (const command of ["edit", "request", "pause", "cancel"] as const) expect(waveCommandProblem({ command, wave: draft, actor: viewer, now: at(0) })).toBe("FORBIDDEN");
    expect(waveCommandProblem({ command: "request", wave: draft, actor: operator, now: at(0) })).toBeNull();
    const dated = { ...pending, startOnApproval: false, startsAt: at(1) };
    expect(waveCommandProblem({ command: "approve", wave: dated, actor: admin, now: at(0) })).toBeNull();
    expect(waveCommandProblem({ command: "approve", wave: dated, actor: admin, now: at(2) })).toBe("START_PASSED");
  });

  it("cancel only before the start; pause only once approved", () => {
    const live = { ...pending, status: "scheduled" as const, startsAt: start };
    expect(waveCommandProblem({ command: "cancel", wave: live, actor: operator, now: at(-1) })).toBeNull();
    expect(waveCommandProblem({ command: "cancel", wave: live, actor: operator, now: at(1) })).toBe("ALREADY_STARTED");
    expect(waveCommandProblem({ command: "pause", wave: live, actor: operator, now: at(1) })).toBeNull();
    expect(waveCommandProblem({ command: "pause", wave: pending, actor: operator, now: at(1) })).toBe("WRONG_STATE");
    expect(waveCommandProblem({ command: "resume", wave: live, actor: operator, now: at(1) })).toBe("NOT_PAUSED");
  });

  it("a wave paused, then cancelled before its start, cannot be resumed", () => {
    const pausedThenCancelled = { ...pending, status: "cancelled" as const, startsAt: start, pausedAt: at(-2) };
    expect(waveCommandProblem({ command: "resume", wave: { ...pausedThenCancelled, status: "scheduled" }, actor: operator, now: at(-1) })).toBeNull();
    expect(waveCommandProblem({ command: "resume", wave: pausedThenCancelled, actor: operator, now: at(-1) })).toBe("WRONG_STATE");
  });
});
