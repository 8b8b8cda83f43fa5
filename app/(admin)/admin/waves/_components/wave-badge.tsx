import type { WavePhase } from "@/lib/rollout/waves/wave-rules";
import { pillClass } from "@/components/ui/pill";

const look: Record<WavePhase, { text: string; tone: string }> = {
  draft: { text: "Draft", tone: "bg-slate-200 text-slate-800" },
  pending_approval: { text: "Pending approval", tone: "bg-amber-100 text-amber-900" },
  scheduled: { text: "Scheduled", tone: "bg-sky-100 text-sky-900" },
  live: { text: "Live", tone: "bg-brand-100 text-brand-800" },
  // "Complete" read as "over" beside a notice saying the wave is live: the ramp is done, 2SV stays on.
  complete: { text: "Live · 100%", tone: "bg-emerald-100 text-emerald-800" },
  cancelled: { text: "Cancelled", tone: "bg-slate-100 text-slate-600 line-through" },
};

export function WaveBadge({ phase, percent, paused }: { phase: WavePhase; percent: number; paused: boolean }) {
  const { text, tone } = look[phase];
  return (
    <span className="inline-flex flex-wrap gap-1">
      <span className={pillClass(tone, "px-2.5 py-0.5")} data-testid="wave-phase">
        {phase === "live" ? `Live · ramping ${percent}%` : text}
      </span>
      {paused && <span className={pillClass("bg-red-100 text-red-800", "px-2.5 py-0.5")}>Paused</span>}
    </span>
  );
}
