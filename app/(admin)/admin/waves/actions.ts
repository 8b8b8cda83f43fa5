"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formOf } from "@/lib/forms/form-of";
import { approveWave, rejectWave, requestWaveApproval } from "@/lib/rollout/waves/review-wave";
import { cancelWave, pauseWave, resumeWave } from "@/lib/rollout/waves/pause-wave";
import { saveWaveDraft } from "@/lib/rollout/waves/save-wave-draft";
import { setGuardrails } from "@/lib/rollout/waves/set-guardrails";
import { recordRefusal } from "@/lib/audit/record-refusal";
import { describeError } from "../_lib/error-messages";
import { hasFreshStepUp, staffContext } from "../_lib/staff-context";
import { parseWaveForm, type WaveFormState } from "./wave-form-data";
import { recordIdSchema } from "@/lib/validation/record-id";

export async function saveWaveAction(_prev: WaveFormState | null, formData: FormData): Promise<WaveFormState> {
  formData = formOf(formData);
  const { actor } = await staffContext("operator");
  const parsed = parseWaveForm(formData);
  if (!parsed.ok) return parsed.state;
  let id: number;
  try {
    ({ id } = await saveWaveDraft({ actor, waveId: parsed.waveId, draft: parsed.draft }));
  } catch (error) {
    await recordRefusal(actor, { action: parsed.waveId ? "wave.update" : "wave.create", targetType: "wave", targetId: String(parsed.waveId ?? "new") }, error);
    return { ...parsed.state, error: describeError(error) };
  }
  revalidatePath("/admin/waves");
  redirect(`/admin/waves/${id}?done=saved`);
}

export interface CommandState {
  ok: boolean;
  message?: string;
  error?: string;
  /** The step-up lapsed: the page offers "Confirm it's you" again. */
  stepUp?: boolean;
  reason?: string;
}

const commandInput = z.object({
  command: z.enum(["request", "approve", "reject", "cancel", "pause", "resume"]),
  waveId: recordIdSchema,
  reason: z.string().max(500).optional().default(""),
  // The request the page showed (approve only): ISO time, or empty when none.
  requestedAt: z.string().max(40).optional(),
  // The plan's last save the page showed (request only): ISO time.
  planSavedAt: z.string().max(40).optional(),
});

/** Every state change of a wave; each needs a fresh step-up and writes its audit row in the same transaction. */
export async function waveCommandAction(_prev: CommandState | null, formData: FormData): Promise<CommandState> {
  formData = formOf(formData);
  const input = commandInput.safeParse(Object.fromEntries(formData));
  // The role is checked for the command that runs: a repeated field gives Object.fromEntries its last value.
  const decides = input.success && (input.data.command === "approve" || input.data.command === "reject");
  const { actor, sessionId } = await staffContext(decides ? "admin" : "operator");
  if (!input.success) return { ok: false, error: "That request was not understood. Reload the page and try again." };
  const { command, waveId, reason, requestedAt, planSavedAt } = input.data;
  if (!(await hasFreshStepUp(sessionId, "rollout"))) return { ok: false, stepUp: true, reason, error: "Confirm it's you first: launching, approving and pausing need a code from the last 10 minutes." };
  try {
    const args = { actor, waveId };
    if (command === "request") await requestWaveApproval({ ...args, readPlanAt: shownTime(planSavedAt) });
    if (command === "approve") await approveWave({ ...args, comment: reason, reviewedRequestAt: reviewedRequest(requestedAt) });
    if (command === "reject") await rejectWave({ ...args, comment: reason });
    if (command === "cancel") await cancelWave({ ...args, reason });
    if (command === "pause") await pauseWave({ ...args, reason });
    if (command === "resume") await resumeWave({ ...args, reason });
  } catch (error) {
    await recordRefusal(actor, { action: `wave.${command}`, targetType: "wave", targetId: String(waveId) }, error);
    return { ok: false, error: describeError(error), reason };
  }
  revalidatePath("/admin", "layout");
  // The page changes shape after a command (the form may be gone): it shows the outcome from the URL.
  redirect(`/admin/waves/${waveId}?done=${command}`);
}

/** The request time the approval form carried: empty for a wave asked for without one; junk matches no request. */
function reviewedRequest(value: string | undefined) {
  return value === "" ? null : shownTime(value);
}

/** A time a form carried as it was shown; a missing or junk value matches no stored time, so the check refuses. */
function shownTime(value: string | undefined) {
  const at = new Date(value ?? "");
  return Number.isNaN(at.getTime()) ? new Date(0) : at;
}

const percent = z.coerce.number().min(1).max(100);

/** Admin: a wave's automatic brakes. Loosening them is as consequential as a pause: a fresh step-up, and audited. */
export async function guardrailsAction(_prev: CommandState | null, formData: FormData): Promise<CommandState> {
  formData = formOf(formData);
  const { actor, sessionId } = await staffContext("admin");
  const input = z
    .object({ waveId: recordIdSchema, sms: percent, code: percent, sample: z.coerce.number().int().min(1).max(10_000) })
    .safeParse(Object.fromEntries(formData));
  if (!input.success) return { ok: false, error: "Thresholds are percentages between 1 and 100, and the minimum sample a whole number from 1 to 10,000." };
  const { waveId, sms, code, sample } = input.data;
  if (!(await hasFreshStepUp(sessionId, "rollout"))) return { ok: false, stepUp: true, error: "Confirm it's you first: guardrails need a code from the last 10 minutes." };
  try {
    await setGuardrails({ actor, waveId, guardrails: { smsFailureThreshold: sms / 100, codeFailureThreshold: code / 100, guardrailMinSample: sample } });
  } catch (error) {
    await recordRefusal(actor, { action: "wave.guardrails", targetType: "wave", targetId: String(waveId) }, error);
    return { ok: false, error: describeError(error) };
  }
  revalidatePath(`/admin/waves/${waveId}`);
  return { ok: true, message: "Guardrails saved." };
}
