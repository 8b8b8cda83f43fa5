import { requireStaff } from "@/lib/auth/current-user";

/** A staff page that is not built yet: still guarded, with a clear note of what will appear here. */
export async function AdminPlaceholder({ title, children }: { title: string; children: React.ReactNode }) {
  await requireStaff("viewer");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-slate-900">{title}</h1>
      <div className="rounded-2xl border-2 border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">{children}</div>
    </div>
  );
}
