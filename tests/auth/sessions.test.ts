import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { sessions, users, type User } from "@/db/schema";
import {
  createSession,
  findActiveSession,
  listActiveSessions,
  revokeOtherSessions,
  revokeSession,
  sessionLifetimeMs,
} from "@/lib/auth/sessions";
import { setupTestDatabase } from "../helpers/test-db";

const testDb = setupTestDatabase({ seed: "countries" });

let alice: User;
let bob: User;

beforeAll(async () => {
  // Sessions never look at the password, so a placeholder hash keeps these tests free of argon2 work.
  [alice, bob] = await testDb()
    .db.insert(users)
    .values([
      { email: "alice@example.com", name: "Alice", countryCode: "GB", passwordHash: "x" },
      { email: "bob@example.com", name: "Bob", countryCode: "US", passwordHash: "x" },
    ])
    .returning() as [User, User];
});

const open = (user: User, userAgent = "Firefox") => createSession({ userId: user.id, userAgent, ip: "192.0.2.1" });
const row = async (id: string) => (await testDb().db.select().from(sessions).where(eq(sessions.id, id)))[0];

describe("createSession", () => {
  it("returns a different unguessable id each time: at least 43 base64url characters (256 bits)", async () => {
    const ids = await Promise.all(Array.from({ length: 50 }, () => open(alice)));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(id.length).toBeGreaterThanOrEqual(43);
      expect(Buffer.from(id, "base64url").length).toBeGreaterThanOrEqual(32);
    }
  });

  it("stores the device details and caps a huge user agent at 512 characters", async () => {
    const id = await createSession({ userId: bob.id, userAgent: "A".repeat(5000), ip: null });
    const stored = await row(id);
    expect(stored).toMatchObject({ userId: bob.id, ip: null, revokedAt: null });
    expect(stored!.userAgent).toHaveLength(512);
  });
});

describe("findActiveSession", () => {
  it("returns the session with its user, and null once it is revoked", async () => {
    const id = await open(alice);
    const found = await findActiveSession(id);
    expect(found?.session.id).toBe(id);
    expect(found?.user).toMatchObject({ id: alice.id, email: "alice@example.com" });

    expect(await revokeSession({ userId: alice.id, sessionId: id })).toBe(1);
    expect(await findActiveSession(id)).toBeNull();
    expect((await row(id))!.revokedAt).toBeInstanceOf(Date);
  });

  it("returns null for an unknown id", async () => {
    expect(await findActiveSession("no-such-session-id-aaaaaaaaaaaaaaaaaaaaaaaaaaaa")).toBeNull();
  });

  it("ends 30 days after it began, however recently it was used, and drops off the list of signed-in devices", async () => {
    const id = await open(alice);
    const began = (await row(id))!.createdAt;
    const almost = new Date(began.getTime() + sessionLifetimeMs - 60_000);
    expect((await findActiveSession(id, almost))?.session.id).toBe(id);
    expect((await listActiveSessions(alice.id, almost)).map((s) => s.id)).toContain(id);
    // Used a minute before, yet over: the limit counts from the start, not from the last request.
    // (+1 ms: PostgreSQL keeps microseconds, a Date only milliseconds.)
    const over = new Date(began.getTime() + sessionLifetimeMs + 1);
    expect(await findActiveSession(id, over)).toBeNull();
    expect((await listActiveSessions(alice.id, over)).map((s) => s.id)).not.toContain(id);
  });

  it("refreshes last-seen only when it is more than a minute old", async () => {
    const id = await open(alice);
    const created = (await row(id))!.lastSeenAt;

    await findActiveSession(id, new Date(created.getTime() + 30_000));
    expect((await row(id))!.lastSeenAt.getTime()).toBe(created.getTime());

    const later = new Date(created.getTime() + 5 * 60_000);
    await findActiveSession(id, later);
    expect((await row(id))!.lastSeenAt.getTime()).toBe(later.getTime());
  });
});

describe("revokeSession", () => {
  it("does nothing to another user's session", async () => {
    const bobs = await open(bob);
    expect(await revokeSession({ userId: alice.id, sessionId: bobs })).toBe(0);
    expect(await findActiveSession(bobs)).not.toBeNull();
  });

  it("counts a second revoke of the same session as nothing", async () => {
    const id = await open(bob);
    expect(await revokeSession({ userId: bob.id, sessionId: id })).toBe(1);
    const revokedAt = (await row(id))!.revokedAt;
    expect(await revokeSession({ userId: bob.id, sessionId: id })).toBe(0);
    expect((await row(id))!.revokedAt).toEqual(revokedAt);
  });
});

describe("revokeOtherSessions", () => {
  it("signs out every other device of that user, keeps the current one, and leaves other users alone", async () => {
    const carol = (await testDb()
      .db.insert(users)
      .values({ email: "carol@example.com", name: "Carol", countryCode: "IE", passwordHash: "x" })
      .returning())[0]!;
    const current = await open(carol, "Current");
    const others = await Promise.all([open(carol, "Phone"), open(carol, "Tablet"), open(carol, "Old laptop")]);
    const bobs = await open(bob);

    expect(await revokeOtherSessions({ userId: carol.id, keepSessionId: current })).toBe(3);

    expect(await findActiveSession(current)).not.toBeNull();
    for (const id of others) expect(await findActiveSession(id)).toBeNull();
    expect(await findActiveSession(bobs)).not.toBeNull();
    expect((await listActiveSessions(carol.id)).map((s) => s.id)).toEqual([current]);
  });

  it("cannot be used to keep (or touch) a session that belongs to someone else", async () => {
    const dave = (await testDb()
      .db.insert(users)
      .values({ email: "dave@example.com", name: "Dave", countryCode: "US", passwordHash: "x" })
      .returning())[0]!;
    const daves = await open(dave);
    const bobs = await open(bob);
    // Dave passes Bob's id as the one to keep: all of Dave's sessions go, Bob's stays.
    expect(await revokeOtherSessions({ userId: dave.id, keepSessionId: bobs })).toBe(1);
    expect(await findActiveSession(daves)).toBeNull();
    expect(await findActiveSession(bobs)).not.toBeNull();
  });
});

describe("listActiveSessions", () => {
  it("lists only that user's live sessions, most recently seen first", async () => {
    const erin = (await testDb()
      .db.insert(users)
      .values({ email: "erin@example.com", name: "Erin", countryCode: "US", passwordHash: "x" })
      .returning())[0]!;
    const old = await open(erin, "Old");
    const recent = await open(erin, "Recent");
    const gone = await open(erin, "Gone");
    await revokeSession({ userId: erin.id, sessionId: gone });
    await testDb().db.update(sessions).set({ lastSeenAt: new Date("2020-01-01T00:00:00Z") }).where(eq(sessions.id, old));

    expect((await listActiveSessions(erin.id)).map((s) => s.id)).toEqual([recent, old]);
  });
});
