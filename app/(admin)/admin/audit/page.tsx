import type { Metadata } from "next";
import Link from "next/link";
import { AuditTable } from "@/components/admin/audit-table";
import { Notice } from "@/components/ui/card";
import { auditPageLimit, countAudit, listAudit } from "@/lib/audit/list-audit";
import { formatCount } from "../_lib/format";
import { staffContext } from "../_lib/staff-context";

export const metadata: Metadata = { title: "Audit" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ before?: string | string[] }> }) {
  await staffContext("viewer");
  const before = olderThan((await searchParams).before);
  // One more than a page, to know whether older entries remain.
  const [loaded, total] = await Promise.all([listAudit({ limit: auditPageLimit + 1, before }), countAudit()]);
  const rows = loaded.slice(0, auditPageLimit);
  const oldestShown = rows.at(-1)?.id;
  const hasOlder = loaded.length > auditPageLimit && oldestShown !== undefined;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">Audit log</h1>
        <p className="mt-1 text-sm text-slate-600">
          Every staff action and automatic pause, written in the same transaction as the change. Entries can never be edited or deleted.
        </p>
      </div>
      {(hasOlder || before !== undefined) && (
        <Notice tone="info">
          <span className="flex flex-wrap items-center justify-between gap-3">
            <span>
              Showing {formatCount(rows.length)} of {formatCount(total)} entries{before !== undefined ? `, older than #${before}` : ", the newest"}; search,
              filters and the CSV cover these.
            </span>
            <span className="flex gap-4">
              {before !== undefined && (
                <Link href="/admin/audit" className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  Newest entries
                </Link>
              )}
              {hasOlder && (
                <Link href={`/admin/audit?before=${oldestShown}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  Older entries
                </Link>
              )}
            </span>
          </span>
        </Notice>
      )}
      <AuditTable rows={rows} />
    </div>
  );
}

/** `?before=` as an entry id; anything else shows the newest entries. */
function olderThan(value: string | string[] | undefined) {
  const id = typeof value === "string" && /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  return id > 0 ? id : undefined;
}
