import type { Metadata } from "next";
import Link from "next/link";
import { staffContext } from "../../_lib/staff-context";
import { pickableCountries } from "../_components/pickable-countries";
import { WaveForm } from "../_components/wave-form";
import { defaultRamp } from "../default-ramp";

export const metadata: Metadata = { title: "New wave" };

export default async function NewWavePage() {
  await staffContext("operator");
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <Link href="/admin/waves" className="text-sm text-brand-700 hover:underline">
          ← Waves
        </Link>
        <h1 className="mt-2 text-2xl font-bold text-slate-900">New wave</h1>
        <p className="mt-1 text-sm text-slate-600">Saved as a draft. Check its impact, then ask a second staff member to approve the launch.</p>
      </div>
      <div className="rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <WaveForm countries={await pickableCountries()} initial={{ name: "", countries: [], start: "approval", startsAt: "", ramp: false, steps: defaultRamp }} />
      </div>
    </div>
  );
}
