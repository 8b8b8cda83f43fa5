import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { hasRole } from "@/lib/auth/roles";
import { listWaves } from "@/lib/rollout/waves/list-waves";
import { describeRamp, formatUtc } from "../_lib/format";
import { staffContext } from "../_lib/staff-context";
import { WaveBadge } from "./_components/wave-badge";

export const metadata: Metadata = { title: "Waves" };

export default async function WavesPage() {
  const { actor } = await staffContext("viewer");
  const waves = await listWaves();
  const launched = waves.filter((w) => w.phase === "live" || w.phase === "complete" || w.phase === "scheduled");
  const planned = waves.filter((w) => w.phase === "draft" || w.phase === "pending_approval");
  const cancelled = waves.filter((w) => w.phase === "cancelled");
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold text-slate-900">Waves</h1>
          <p className="mt-1 text-sm text-slate-600">Countries get two-step verification together, in waves: planned, approved by a second person, then started on time.</p>
        </div>
        {hasRole(actor.role, "operator") && (
          <Link href="/admin/waves/new" className={buttonClass()}>
            New wave
          </Link>
        )}
      </div>
      <WaveList title="Launched and scheduled" waves={launched} empty="No wave has been launched yet." />
      <WaveList title="Planned" waves={planned} empty="Nothing planned. Create a wave to pick the next countries." />
      {cancelled.length > 0 && <WaveList title="Cancelled" waves={cancelled} empty="" />}
    </div>
  );
}

function WaveList({ title, waves, empty }: { title: string; waves: Awaited<ReturnType<typeof listWaves>>; empty: string }) {
  const headingId = `${title.toLowerCase().replace(/[^a-z]+/g, "-")}-heading`;
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <h2 id={headingId} className="text-lg font-semibold text-slate-900">
        {title}
      </h2>
      {waves.length === 0 ? (
        <p className="rounded-xl border-2 border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">{empty}</p>
      ) : (
        <ul className="space-y-3">
          {waves.map((w) => (
            <li key={w.id} className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <Link href={`/admin/waves/${w.id}`} className="text-base font-semibold text-brand-700 hover:underline">
                  {w.name}
                </Link>
                <WaveBadge phase={w.phase} percent={w.percent} paused={!!w.pausedAt} />
              </div>
              <p className="mt-2 text-sm text-slate-700">{w.countries.map((c) => c.name).join(", ") || "No countries"}</p>
              <p className="mt-1 text-xs text-slate-600">
                {w.startsAt ? `Start ${formatUtc(w.startsAt)}` : w.startOnApproval ? "Starts when approved" : "No start set"} · {describeRamp(w.rampSteps)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
