import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getWave } from "@/lib/rollout/waves/list-waves";
import { staffContext } from "../../../_lib/staff-context";
import { pickableCountries } from "../../_components/pickable-countries";
import { WaveForm } from "../../_components/wave-form";
import { defaultRamp } from "../../default-ramp";
import { parseRecordId } from "@/lib/validation/record-id";

export const metadata: Metadata = { title: "Edit wave" };

export default async function EditWavePage({ params }: { params: Promise<{ id: string }> }) {
  await staffContext("operator");
  const id = parseRecordId((await params).id);
  if (id === null) notFound();
  const wave = await getWave(id);
  if (!wave) notFound();
  if (wave.phase !== "draft") redirect(`/admin/waves/${id}`);
  const ramped = wave.rampSteps.length > 1;
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <Link href={`/admin/waves/${id}`} className="text-sm text-brand-700 hover:underline">
          ← {wave.name}
        </Link>
        <h1 className="mt-2 text-2xl font-bold text-slate-900">Edit {wave.name}</h1>
      </div>
      <div className="rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <WaveForm
          waveId={id}
          countries={await pickableCountries(id)}
          initial={{
            name: wave.name,
            countries: wave.countries.map((c) => c.code),
            start: wave.startOnApproval || !wave.startsAt ? "approval" : "at",
            startsAt: wave.startsAt?.toISOString() ?? "",
            ramp: ramped,
            steps: ramped ? wave.rampSteps.map((s) => ({ percent: String(s.percent), afterHours: String(+(s.afterMinutes / 60).toFixed(2)) })) : defaultRamp,
          }}
        />
      </div>
    </div>
  );
}
