import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { rateLimits, sessions, users } from "@/db/schema";
import { fingerprintState } from "@/lib/testing/fingerprint";
import { pauseCountryForTest, resumeCountryForTest, rolloutTestQueries } from "@/lib/rollout/test-hooks";
import { enrollmentTestQueries } from "@/lib/two-step/enrollment/test-hooks";
import { factorTestQueries } from "@/lib/two-step/factor-test-hooks";
import { passkeyTestQueries } from "@/lib/two-step/passkeys/test-hooks";
import { enableTwoStepForTest, pushTestQueries } from "@/lib/two-step/push/test-hooks";
import { apiRoute } from "@/lib/layout/api-route";
import { storedRateLimitKey } from "@/lib/auth/rate-limit";
import { ageSessionForTest, nearPasswordLockForTest } from "@/lib/auth/test-hooks";

export const dynamic = "force-dynamic";

/**
 * Read-only views of the database for the e2e suite, which cannot open the server's PGlite folder itself.
 * Answers 404 unless the e2e server started this process with STEPWISE_TEST_HOOKS=1; never exposes hashes.
 */
const queries = {
  user: async (email: string) =>
    (
      await db
        .select({ id: users.id, email: users.email, name: users.name, countryCode: users.countryCode, role: users.role, twoStepEnabledAt: users.twoStepEnabledAt, locale: users.locale })
        .from(users)
        .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
    )[0] ?? null,
  sessions: async (email: string) =>
    db
      .select({ id: sessions.id, revokedAt: sessions.revokedAt, userAgent: sessions.userAgent, createdAt: sessions.createdAt })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sql`lower(${users.email})`, email.toLowerCase()))),
  "rate-limit": async (key: string) => (await db.select().from(rateLimits).where(eq(rateLimits.key, storedRateLimitKey(key))))[0] ?? null,
  ...pushTestQueries,
  ...enrollmentTestQueries,
  ...rolloutTestQueries,
  ...passkeyTestQueries,
  ...factorTestQueries,
  fingerprint: () => fingerprintState(),
};

export const GET = apiRoute(async function GET(request: Request, { params }: { params: Promise<{ query: string }> }) {
  const { query } = await params;
  if (process.env.STEPWISE_TEST_HOOKS !== "1" || !(query in queries)) return new Response("Not found", { status: 404 });
  const arg = new URL(request.url).searchParams.get("q") ?? "";
  return Response.json(await queries[query as keyof typeof queries](arg));
});

/** Test-only seed mutations (same guard): POST /api/test/enable-two-step?q=<email>. */
const mutations = {
  "enable-two-step": enableTwoStepForTest,
  "age-session": ageSessionForTest,
  "near-password-lock": nearPasswordLockForTest,
  "pause-country": pauseCountryForTest,
  "resume-country": resumeCountryForTest,
};

export const POST = apiRoute(async function POST(request: Request, { params }: { params: Promise<{ query: string }> }) {
  const { query } = await params;
  if (process.env.STEPWISE_TEST_HOOKS !== "1" || !(query in mutations)) return new Response("Not found", { status: 404 });
  const arg = new URL(request.url).searchParams.get("q") ?? "";
  const result = await mutations[query as keyof typeof mutations](arg, request);
  return result ? Response.json(result) : new Response("Not found", { status: 404 });
});
