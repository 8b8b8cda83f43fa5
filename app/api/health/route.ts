import { sql } from "drizzle-orm";
import { database } from "@/db";
import { connectErrorKind, describeConnectError } from "@/db/connect-error";

export const dynamic = "force-dynamic";

const timeoutMs = 2_000;

// The balancer asks every few seconds: the full line goes to the log when it changes, not on every probe.
let lastLogged: string | null = null;

/**
 * App and database status; 503 when the database does not answer in time. Anyone may ask, so the answer says what
 * kind of failure it is ("connection refused", "timed out"), and the server's log names the database it tried.
 */
export async function GET() {
  const started = performance.now();
  try {
    const { db, driver } = database();
    await Promise.race([
      db.execute(sql`select 1`),
      new Promise((_, reject) => setTimeout(() => reject(Object.assign(new Error("timeout"), { code: "CONNECT_TIMEOUT" })), timeoutMs)),
    ]);
    lastLogged = null;
    return Response.json(
      { status: "ok", app: "ok", database: { status: "ok", driver, latencyMs: Math.round(performance.now() - started) } },
      { headers: { "cache-control": "no-store" } },
    );
  } catch (error) {
    const line = describeConnectError(error, process.env.DATABASE_URL);
    if (line !== lastLogged) console.error(`[health] ${line}`);
    lastLogged = line;
    return Response.json(
      { status: "degraded", app: "ok", database: { status: "unavailable", reason: connectErrorKind(error) } },
      { status: 503, headers: { "cache-control": "no-store", "retry-after": "5" } },
    );
  }
}
