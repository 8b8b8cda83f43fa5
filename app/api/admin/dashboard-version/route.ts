import { readDashboardVersion } from "@/lib/analytics/dashboard-version";
import { hasRole, pollingSession } from "@/lib/auth/current-user";
import { isPendingSecondStep } from "@/lib/auth/sessions";
import { apiRoute } from "@/lib/layout/api-route";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };

/** What the open dashboard polls (components/admin/dashboard/live-refresh.tsx): staff who may see it only. */
export const GET = apiRoute(async function GET() {
  const current = await pollingSession();
  if (!current || isPendingSecondStep(current)) return Response.json({ error: "Sign in first." }, { status: 401, headers: noStore });
  if (!hasRole(current.user.role, "viewer") || !current.user.twoStepEnabledAt) return Response.json({ error: "Staff only." }, { status: 403, headers: noStore });
  return Response.json({ version: await readDashboardVersion() }, { headers: noStore });
});
