import type { Metadata } from "next";
import { AuditTable } from "@/components/admin/audit-table";
import { Notice } from "@/components/ui/card";
import { countAudit, listAudit } from "@/lib/audit/list-audit";
import { formatCount } from "../_lib/format";
import { staffContext } from "../_lib/staff-context";

export const metadata: Metadata = { title: "Audit" };

export default async function AuditPage() {
  await staffContext("viewer");
  const [rows, total] = await Promise.all([listAudit(), countAudit()]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">Audit log</h1>
        <p className="mt-1 text-sm text-slate-600">
          Every staff action and automatic pause, written in the same transaction as the change. Entries can never be edited or deleted.
        </p>
      </div>
      {total > rows.length && (
        <Notice tone="info">
          Showing the newest {formatCount(rows.length)} of {formatCount(total)} entries; search, filters and the CSV cover these. Older entries are kept
          in the database (table <code>audit_log</code>).
        </Notice>
      )}
      <AuditTable rows={rows} />
    </div>
  );
}
