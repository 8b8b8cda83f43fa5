import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { buttonClass } from "@/components/ui/button";
import { Card, Notice } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { nextRampStep } from "@/lib/rollout/ramp";
import { getWave } from "@/lib/rollout/waves/list-waves";
import { previewWaveImpact } from "@/lib/rollout/waves/preview-wave-impact";
import { describeRamp, formatUtc } from "../../_lib/format";
import { StepUpNotice } from "../../_components/step-up-notice";
import { confirmHref, freshStepUpUntil, staffContext } from "../../_lib/staff-context";
import { GuardrailsForm } from "../_components/guardrails-form";
import { ImpactPreview } from "../_components/impact-preview";
import { WaveBadge } from "../_components/wave-badge";
import { WaveCommandForm } from "../_components/wave-command-form";
import { parseRecordId } from "@/lib/validation/record-id";

/** One read per request for the title and the page. */
const loadWave = cache(async (rawId: string) => {
  const id = parseRecordId(rawId);
  return id === null ? null : getWave(id);
});

// Staff check first: a wave's name is not for a signed-out visitor's tab title.
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  await staffContext("viewer");
  const wave = await loadWave((await params).id);
  return { title: wave?.name ?? "Wave" };
}

const doneMessages: Record<string, string> = {
  saved: "Draft saved. Check the impact below, then request approval.",
  request: "Approval requested. Another staff member with approve rights decides.",
  approve: "Approved. The wave starts at its start time; ramp steps follow on their own.",
  reject: "Rejected. The wave is back in draft with your comment.",
  cancel: "Cancelled. Its countries are free for another wave.",
  pause: "Paused. New enrollments stopped in every country of this wave; enrolled accounts keep 2SV.",
  resume: "Resumed. The wave is back on its plan.",
};

/** After approval the wave is scheduled, or already live (it starts on approval): the notice says which. */
function approvedMessage(phase: string) {
  if (phase === "scheduled") return doneMessages.approve;
  if (phase === "live") return "Approved. The wave is live; its ramp steps follow on their own.";
  if (phase === "complete") return "Approved. The wave is live in all its countries.";
  // A reload of the notice after the wave moved on (cancelled, sent back): the badge above says where it is.
  return "Approved.";
}

export default async function WavePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string }> }) {
  const { actor, sessionId } = await staffContext("viewer");
  const wave = await loadWave((await params).id);
  if (!wave) notFound();
  const id = wave.id;
  const { done } = await searchParams;
  const now = new Date();
  const self = `/admin/waves/${id}`;
  const confirm = confirmHref("rollout", self);
  const isOperator = hasRole(actor.role, "operator");
  const isAdmin = hasRole(actor.role, "admin");
  const ownRequest = wave.requestedBy === actor.id;
  const planning = wave.phase === "draft" || wave.phase === "pending_approval";
  const started = wave.phase === "live" || wave.phase === "complete";
  const impact = planning ? await previewWaveImpact(wave.countries.map((c) => c.code), id) : null;
  const next = wave.startsAt && wave.phase === "live" ? nextRampStep(wave.rampSteps, wave.startsAt, now) : null;
  const confirmedUntil = isOperator ? await freshStepUpUntil(sessionId, "rollout") : null;

  const command = (props: Omit<Parameters<typeof WaveCommandForm>[0], "waveId" | "confirmHref">) => <WaveCommandForm waveId={id} confirmHref={confirm} {...props} />;

  return (
    <div className="space-y-6">
      <div>
        <Link href="/admin/waves" className="text-sm text-brand-700 hover:underline">
          ← Waves
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold text-slate-900">{wave.name}</h1>
          <WaveBadge phase={wave.phase} percent={wave.percent} paused={!!wave.pausedAt} />
        </div>
      </div>
      {done && doneMessages[done] && <Notice tone="success">{done === "approve" ? approvedMessage(wave.phase) : doneMessages[done]}</Notice>}
      {wave.pausedAt && <Notice tone="warning">Paused {formatUtc(wave.pausedAt)}: {wave.pauseReason}. New enrollments are stopped in its countries; enrolled accounts keep 2SV.</Notice>}

      <Card title="Plan">
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="font-medium text-slate-600">Countries</dt>
          <dd className="text-slate-900">
            <ul className="flex flex-wrap gap-2">
              {wave.countries.map((c) => (
                <li key={c.code}>
                  <Link href={`/admin/regions/${c.code}`} className="rounded-full bg-slate-100 px-2.5 py-0.5 text-slate-800 hover:bg-slate-200">
                    {c.name}
                  </Link>
                </li>
              ))}
            </ul>
          </dd>
          <dt className="font-medium text-slate-600">Start</dt>
          <dd className="text-slate-900">{wave.startsAt ? formatUtc(wave.startsAt) : wave.startOnApproval ? "As soon as it is approved" : "Not set"}</dd>
          <dt className="font-medium text-slate-600">Ramp</dt>
          <dd className="text-slate-900">
            {describeRamp(wave.rampSteps)}
            {next && (
              <span className="block text-slate-600">
                Now {wave.percent}%; {next.percent}% from {formatUtc(next.at)}.
              </span>
            )}
          </dd>
          {wave.requestedAt && (
            <>
              <dt className="font-medium text-slate-600">Requested</dt>
              <dd className="text-slate-900">
                by {wave.requestedByName ?? "a former staff member"}, {formatUtc(wave.requestedAt)}
              </dd>
            </>
          )}
          {wave.reviewedAt && (
            <>
              <dt className="font-medium text-slate-600">{wave.phase === "draft" ? "Rejected" : "Approved"}</dt>
              <dd className="text-slate-900">
                by {wave.reviewedByName ?? "a former staff member"}, {formatUtc(wave.reviewedAt)}
                {wave.reviewComment && <q className="mt-1 block text-slate-700">{wave.reviewComment}</q>}
              </dd>
            </>
          )}
        </dl>
      </Card>

      {impact && <ImpactPreview impact={impact} />}

      {isOperator && wave.phase !== "cancelled" && (
        <Card title="Actions" description="Each action is written to the audit log with your name and reason.">
          <div className="space-y-5">
            <StepUpNotice until={confirmedUntil} needs={"Launching, approving, pausing and cancelling need you to confirm it's you"} href={confirm} />
            {wave.phase === "draft" && (
              <div className="flex flex-wrap items-start gap-3">
                <Link href={`/admin/waves/${id}/edit`} className={buttonClass("secondary")}>
                  Edit plan
                </Link>
                {impact && impact.totals.conflicts > 0 ? (
                  <p className="self-center text-sm text-red-700">Remove the countries already in another wave before requesting approval.</p>
                ) : (
                  command({ command: "request", label: "Request approval", pendingLabel: "Requesting…", planSavedAt: wave.updatedAt })
                )}
              </div>
            )}
            {wave.phase === "pending_approval" &&
              (ownRequest ? (
                <p className="text-sm text-slate-700">You requested this launch. Another staff member with approve rights must approve or reject it.</p>
              ) : isAdmin ? (
                <div className="grid gap-5 md:grid-cols-2">
                  {command({ command: "approve", label: "Approve launch", pendingLabel: "Approving…", reasonLabel: "Approval comment", requestedAt: wave.requestedAt })}
                  {command({ command: "reject", label: "Reject", pendingLabel: "Rejecting…", reasonLabel: "Rejection comment", variant: "danger" })}
                </div>
              ) : (
                <p className="text-sm text-slate-700">Waiting for an admin to approve or reject.</p>
              ))}
            {(wave.phase === "scheduled" || started) &&
              (wave.pausedAt
                ? command({ command: "resume", label: "Resume wave", pendingLabel: "Resuming…", reasonLabel: "Reason for resuming" })
                : command({ command: "pause", label: "Pause wave", pendingLabel: "Pausing…", reasonLabel: "Reason for pausing", variant: "danger" }))}
            {!started && command({ command: "cancel", label: "Cancel wave", pendingLabel: "Cancelling…", reasonLabel: "Reason for cancelling", variant: "danger" })}
          </div>
        </Card>
      )}
      {!isOperator && wave.phase === "pending_approval" && <p className="text-sm text-slate-700">Waiting for approval. Viewers can follow the rollout but not change it.</p>}

      <GuardrailsForm
        waveId={id}
        editable={isAdmin && wave.phase !== "cancelled"}
        sms={Math.round(wave.smsFailureThreshold * 100)}
        code={Math.round(wave.codeFailureThreshold * 100)}
        sample={wave.guardrailMinSample}
        confirmHref={confirm}
      />
    </div>
  );
}
