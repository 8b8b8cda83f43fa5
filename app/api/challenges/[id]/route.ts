import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { challenges } from "@/db/schema";
import { pollingSession } from "@/lib/auth/current-user";
import { apiRoute } from "@/lib/layout/api-route";

export const dynamic = "force-dynamic";

/** The state of a code this very session asked for (so the asking browser learns of a "Don't allow" at once). */
export const GET = apiRoute(async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const current = await pollingSession();
  const { id } = await params;
  if (!current || !z.uuid().safeParse(id).success) return Response.json({ status: "unknown" }, { status: 404 });
  const [row] = await db
    .select({ deniedAt: challenges.deniedAt, consumedAt: challenges.consumedAt, expiresAt: challenges.expiresAt, replacedAt: challenges.replacedAt })
    .from(challenges)
    .where(and(eq(challenges.id, id), eq(challenges.sessionId, current.session.id)));
  if (!row) return Response.json({ status: "unknown" }, { status: 404 });
  const status = row.deniedAt ? "denied" : row.consumedAt ? "used" : row.replacedAt ? "replaced" : row.expiresAt <= new Date() ? "expired" : "open";
  return Response.json({ status }, { headers: { "cache-control": "no-store" } });
});
