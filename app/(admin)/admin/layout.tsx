import { requireStaff } from "@/lib/auth/current-user";
import { AdminNav } from "@/components/admin/admin-nav";
import { GuardrailBanner } from "@/components/admin/guardrail-banner";
import { countWaitingForApproval } from "@/lib/rollout/waves/count-waiting-for-approval";
import { countRoleRequestsWaiting } from "@/lib/staff/list-role-requests";

// Staff pages stay in English. The layout guards the shell; each page and action checks again for itself.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const { user } = await requireStaff("viewer");
  // Admins see how many launches (also emailed) and role requests wait for them, on every page.
  const [wavesWaiting, staffWaiting] = user.role === "admin" ? await Promise.all([countWaitingForApproval(user.id), countRoleRequestsWaiting(user.id)]) : [0, 0];
  return (
    <div className="grid gap-8 md:grid-cols-[12rem_1fr]">
      <aside>
        <p className="mb-3 text-xs font-semibold uppercase tracking-wide text-slate-500">Staff console</p>
        <AdminNav waiting={{ "/admin/waves": wavesWaiting, "/admin/staff": staffWaiting }} />
        <p className="mt-6 text-xs text-slate-600">
          Signed in as <span className="font-medium text-slate-800">{user.name}</span>
          <br />
          Role: <span className="font-medium capitalize text-slate-800" data-testid="staff-role">{user.role}</span>
        </p>
      </aside>
      <div className="min-w-0">
        <GuardrailBanner />
        {children}
      </div>
    </div>
  );
}
