import type { Metadata } from "next";
import { AuditTable } from "@/components/admin/audit-table";
import { listAudit } from "@/lib/audit/list-audit";
import { staffContext } from "../_lib/staff-context";

export const metadata: Metadata = { title: "Audit" };

export default async function AuditPage() {
  await staffContext("viewer");
  const rows = await listAudit();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">Audit log</h1>
        <p className="mt-1 text-sm text-slate-600">
          Every staff action and automatic pause, written in the same transaction as the change. Entries can never be edited or deleted.
        </p>
      </div>
      <AuditTable rows={rows} />
    </div>
  );
}
