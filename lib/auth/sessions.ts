import { randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull, ne, sql } from "drizzle-orm";
import { db, type Tx } from "@/db";
import { preparedQuery } from "@/db/prepared";
import { rowsOf } from "@/db/rows";
import { sessions, users } from "@/db/schema";
import { failedSecondStepNoticeKey } from "@/lib/two-step/failed-second-step-key";
import { forgetRememberedBrowsers } from "@/lib/two-step/trusted-devices";
import { hasSessionEnded, sessionLimits } from "./session-limits";

// "last seen" is refreshed at most this often, so a busy page does not write on every request.
const touchEveryMs = 60_000;

/** A new session id: 256 random bits, carried inside the Auth.js JWT. */
export const newSessionId = () => randomBytes(32).toString("base64url");
/** Whether a value from a form has newSessionId()'s shape (anything else names no session, and could hold a NUL). */
export const isSessionId = (value: unknown): value is string => typeof value === "string" && /^[\w-]{43}$/.test(value);

export async function createSession(input: {
  userId: string;
  userAgent: string;
  ip: string | null;
  aal?: 1 | 2;
  deviceId?: string | null;
  upgradedFrom?: string | null;
}) {
  const id = newSessionId();
  await db.insert(sessions).values({ ...input, id, userAgent: input.userAgent.slice(0, 512) });
  return id;
}

/** A session that passed the password but still owes the second step reaches nothing but /verify. */
export const isPendingSecondStep = (row: { session: { aal: number }; user: { twoStepEnabledAt: Date | null } }) =>
  !!row.user.twoStepEnabledAt && row.session.aal < 2;

/**
 * After a passed second step: a new session id at aal 2 replaces the pending one (no fixation across the step),
 * linked by `upgradedFrom`. One statement: the pending row is revoked and its successor written atomically, and a
 * second call for the same pending session (a double submit) finds it revoked and creates nothing. A "wrong code"
 * notice this sign-in queued and is still holding is called off in the same statement: it was the owner, mistyping.
 * Turning 2SV on raises a session the same way, inside its transaction (`outer`).
 */
export async function upgradeSession(input: { pendingSessionId: string; deviceId?: string | null; now?: Date }, outer: Tx | typeof db = db) {
  const id = newSessionId();
  // One instant for the old row's end and the new one's start (the caller's clock, so tests can move it).
  const at = (input.now ?? new Date()).toISOString();
  const result = await outer.execute(sql`
    with pending as (
      update sessions set revoked_at = ${at}::timestamptz
      where id = ${input.pendingSessionId} and revoked_at is null
      returning id, user_id, user_agent, ip, device_id),
    called_off as (
      update outbox set status = 'expired', last_error = 'the sign-in passed its second step'
      where replace_key = ${failedSecondStepNoticeKey(input.pendingSessionId)} and status = 'pending'
        and exists (select 1 from pending))
    insert into sessions (id, user_id, user_agent, ip, aal, device_id, upgraded_from, created_at, authenticated_at, last_seen_at)
    select ${id}, user_id, user_agent, ip, 2, coalesce(${input.deviceId ?? null}::uuid, device_id), id,
      ${at}::timestamptz, ${at}::timestamptz, ${at}::timestamptz from pending
    returning id`);
  return rowsOf<{ id: string }>(result)[0]?.id ?? null;
}

// Every signed-in request reads this: built once (building it cost more than running it).
const activeSession = preparedQuery((database) =>
  database
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sql.placeholder("sessionId")), isNull(sessions.revokedAt)))
    .prepare("active_session"),
);

/**
 * The live session and its user, or null when the id is unknown, revoked or past its time limits (session-limits.ts:
 * the cookie lasts 30 days whatever the session, and a browser, or whoever copied its cookie, can have the token
 * re-issued, so the row is where the limits hold). `touch: false` for background polls, which are not activity.
 */
export async function findActiveSession(sessionId: string, now = new Date(), { touch = true }: { touch?: boolean } = {}) {
  const [row] = await activeSession().execute({ sessionId });
  if (!row || hasSessionEnded(row.session, row.user, now)) return null;
  if (touch && now.getTime() - row.session.lastSeenAt.getTime() > touchEveryMs) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
  }
  return row;
}

/** The account's sessions that are still live, most recently used first ("Signed-in devices"). */
export async function listActiveSessions(userId: string, now = new Date()) {
  const rows = await db
    .select({ session: sessions, user: { twoStepEnabledAt: users.twoStepEnabledAt } })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.authenticatedAt, new Date(now.getTime() - sessionLimits.passwordOnly.overallMs))))
    .orderBy(desc(sessions.lastSeenAt));
  return rows.filter((row) => !hasSessionEnded(row.session, row.user, now)).map((row) => row.session);
}

export async function revokeSession({ userId, sessionId }: { userId: string; sessionId: string }) {
  const revoked = await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return revoked.length;
}

/**
 * Signing a browser out: the session its cookie names, live or timed out (a trusted browser goes on receiving pushed
 * codes after its session timed out, find-prompt-receiver.ts, and signing out ends that too). The id is the proof:
 * 256 random bits only that browser holds.
 */
export async function revokeSessionById(sessionId: string) {
  if (!isSessionId(sessionId)) return 0;
  const revoked = await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return revoked.length;
}

/**
 * "Sign out all other devices": every other session ends, and every other remembered browser asks for a code at its
 * next sign-in — signed out everywhere else should not leave a 30-day second-step skip behind.
 */
export async function revokeOtherSessions(input: { userId: string; keepSessionId: string; keepDeviceToken?: string | null }) {
  return db.transaction(async (tx) => {
    const revoked = await tx
      .update(sessions)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(sessions.userId, input.userId), ne(sessions.id, input.keepSessionId), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id });
    await forgetRememberedBrowsers({ userId: input.userId, keepToken: input.keepDeviceToken }, tx);
    return revoked.length;
  });
}
