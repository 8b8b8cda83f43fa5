import type { WavePhase } from "@/lib/rollout/waves/wave-rules";

const look: Record<WavePhase, { text: string; tone: string }> = {
  draft: { text: "Draft", tone: "bg-slate-200 text-slate-800" },
  pending_approval: { text: "Pending approval", tone: "bg-amber-100 text-amber-900" },
  scheduled: { text: "Scheduled", tone: "bg-sky-100 text-sky-900" },
  live: { text: "Live", tone: "bg-brand-100 text-brand-800" },
  complete: { text: "Complete", tone: "bg-emerald-100 text-emerald-800" },
  cancelled: { text: "Cancelled", tone: "bg-slate-100 text-slate-600 line-through" },
};

export function WaveBadge({ phase, percent, paused }: { phase: WavePhase; percent: number; paused: boolean }) {
  const { text, tone } = look[phase];
  return (
    <span className="inline-flex flex-wrap gap-1">
      <span className={`inline-block whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-semibold ${tone}`} data-testid="wave-phase">
        {phase === "live" ? `Live · ramping ${percent}%` : text}
      </span>
      {paused && <span className="inline-block whitespace-nowrap rounded-full bg-red-100 px-2.5 py-0.5 text-xs font-semibold text-red-800">Paused</span>}
    </span>
  );
}
