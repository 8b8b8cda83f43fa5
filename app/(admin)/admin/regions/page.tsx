import type { Metadata } from "next";
import { RegionsTable } from "@/components/admin/regions-table";
import { listRegions } from "@/lib/rollout/list-regions";
import { staffContext } from "../_lib/staff-context";

export const metadata: Metadata = { title: "Regions" };

export default async function RegionsPage() {
  await staffContext("viewer");
  const rows = await listRegions();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">Regions</h1>
        <p className="mt-1 text-sm text-slate-600">Every country&apos;s two-step verification status, SMS carrier support and enrollment, as of now.</p>
      </div>
      <RegionsTable rows={rows} />
    </div>
  );
}
