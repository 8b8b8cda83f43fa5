import { requireStaff } from "@/lib/auth/current-user";
import { AdminNav } from "@/components/admin/admin-nav";
import { GuardrailBanner } from "@/components/admin/guardrail-banner";
import { countWaitingForApproval } from "@/lib/rollout/waves/count-waiting-for-approval";

// Staff pages stay in English. The layout guards the shell; each page and action checks again for itself.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const { user } = await requireStaff("viewer");
  // Admins see how many launches wait for them on every page, as well as by email.
  const waiting = user.role === "admin" ? await countWaitingForApproval(user.id) : 0;
  return (
    <div className="grid gap-8 md:grid-cols-[12rem_1fr]">
      <aside>
        <p className="mb-3 text-xs font-semibold uppercase tracking-wide text-slate-500">Staff console</p>
        <AdminNav wavesWaiting={waiting} />
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
