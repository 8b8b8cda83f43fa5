import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { listRoleRequests } from "@/lib/staff/list-role-requests";
import { listStaff } from "@/lib/staff/list-staff";
import { StepUpNotice } from "../_components/step-up-notice";
import { confirmHref, freshStepUpUntil, staffContext } from "../_lib/staff-context";
import { RoleRequests } from "./role-requests";
import { roleText } from "./role-text";
import { StaffRoleForm } from "./staff-role-form";

export const metadata: Metadata = { title: "Staff" };

export default async function StaffPage() {
  const { actor, sessionId } = await staffContext("viewer");
  const [staff, requests] = await Promise.all([listStaff(), listRoleRequests(actor.id)]);
  const isAdmin = hasRole(actor.role, "admin");
  const confirm = confirmHref("staff", "/admin/staff");
  const confirmedUntil = isAdmin ? await freshStepUpUntil(sessionId, "staff") : null;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">Staff</h1>
        <p className="mt-1 text-sm text-slate-600">Viewers read; operators plan, request and pause waves; admins also approve launches and manage staff and guardrails. Everyone needs two-step verification to enter, and a higher role needs a second admin&apos;s approval.</p>
      </div>
      {isAdmin && <StepUpNotice until={confirmedUntil} needs={"Changing roles needs you to confirm it's you"} href={confirm} />}
      <Card title="Team">
        <div className="relative overflow-x-auto">
          <table className="w-full text-left text-sm" aria-label="Staff members">
            <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-4">Name</th>
                <th scope="col" className="py-2 pr-4">Email</th>
                <th scope="col" className="py-2 pr-4">Role</th>
                <th scope="col" className="py-2 pr-4">2SV</th>
                {isAdmin && <th scope="col" className="py-2">Change role</th>}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {staff.map((s) => (
                <tr key={s.id}>
                  <th scope="row" className="py-2 pr-4 font-medium text-slate-900">{s.name}</th>
                  <td className="py-2 pr-4 text-slate-700">{s.email}</td>
                  <td className="py-2 pr-4" data-testid={`role-of-${s.email}`}>{roleText[s.role]}</td>
                  <td className="py-2 pr-4">{s.twoStepOn ? "On" : <span className="text-amber-800">Off — cannot enter yet</span>}</td>
                  {isAdmin && (
                    <td className="py-2">{s.id === actor.id ? <span className="text-slate-500">You</span> : <StaffRoleForm compact email={s.email} role={s.role} confirmHref={confirm} />}</td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      <RoleRequests requests={requests} isAdmin={isAdmin} confirmHref={confirm} />
      {isAdmin && (
        <Card title="Add staff" description="Ask for a staff role for an existing account; another admin approves it. They must turn on two-step verification before they can enter the console.">
          <div className="max-w-md">
            <StaffRoleForm confirmHref={confirm} />
          </div>
        </Card>
      )}
    </div>
  );
}
