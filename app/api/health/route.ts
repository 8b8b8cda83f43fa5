import { sql } from "drizzle-orm";
import { database } from "@/db";
import { describeConnectError } from "@/db/connect-error";

export const dynamic = "force-dynamic";

const timeoutMs = 2_000;

/** App and database status; 503 with a reason when the database does not answer in time. */
export async function GET() {
  const started = performance.now();
  try {
    const { db, driver } = database();
    await Promise.race([
      db.execute(sql`select 1`),
      new Promise((_, reject) => setTimeout(() => reject(Object.assign(new Error("timeout"), { code: "CONNECT_TIMEOUT" })), timeoutMs)),
    ]);
    return Response.json(
      { status: "ok", app: "ok", database: { status: "ok", driver, latencyMs: Math.round(performance.now() - started) } },
      { headers: { "cache-control": "no-store" } },
    );
  } catch (error) {
    const reason = describeConnectError(error, process.env.DATABASE_URL);
    return Response.json(
      { status: "degraded", app: "ok", database: { status: "unavailable", reason } },
      { status: 503, headers: { "cache-control": "no-store", "retry-after": "5" } },
    );
  }
}
