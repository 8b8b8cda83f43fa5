import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { sessions, trustedDevices, users, type User } from "@/db/schema";
import {
  createSession,
  findActiveSession,
  listActiveSessions,
  revokeOtherSessions,
  revokeSession,
} from "@/lib/auth/sessions";
import { trustDevice } from "@/lib/two-step/trusted-devices";
import { setupTestDatabase } from "../helpers/test-db";

const testDb = setupTestDatabase({ seed: "countries" });

let alice: User;
let bob: User;
let tess: User;

beforeAll(async () => {
  // Sessions never look at the password, so a placeholder hash keeps these tests free of argon2 work.
  [alice, bob, tess] = await testDb()
    .db.insert(users)
    .values([
      { email: "alice@example.com", name: "Alice", countryCode: "GB", passwordHash: "x" },
      { email: "bob@example.com", name: "Bob", countryCode: "US", passwordHash: "x" },
      { email: "tess@example.com", name: "Tess", countryCode: "US", passwordHash: "x", twoStepEnabledAt: new Date("2020-01-01T00:00:00Z") },
    ])
    .returning() as [User, User, User];
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

  const minute = 60_000;
  const hour = 60 * minute;
  const day = 24 * hour;
  const live = async (user: User, id: string, now: Date) => {
    const found = (await findActiveSession(id, now))?.session.id === id;
    // "Signed-in devices" lists exactly the sessions that still let their browser in.
    expect((await listActiveSessions(user.id, now)).some((s) => s.id === id)).toBe(found);
    return found;
  };

  it("without 2SV: ends 30 days after signing in however busy, and not for being idle", async () => {
    const id = await open(alice);
    const began = (await row(id))!.authenticatedAt;
    const at = (ms: number) => new Date(began.getTime() + ms);
    expect(await live(alice, id, at(29 * day))).toBe(true); // a month without a request: still in
    expect(await live(alice, id, at(30 * day - minute))).toBe(true);
    // Used a minute before, yet over: the limit counts from signing in, not from the last request.
    // (+1 ms: PostgreSQL keeps microseconds, a Date only milliseconds.)
    expect(await live(alice, id, at(30 * day + 1))).toBe(false);
  });

  it("with 2SV: ends after an hour without a request", async () => {
    const id = await createSession({ userId: tess.id, userAgent: "Safari", ip: null, aal: 2 });
    const began = (await row(id))!.lastSeenAt;
    const at = (ms: number) => new Date(began.getTime() + ms);
    expect(await live(tess, id, at(59 * minute))).toBe(true); // a request: last seen moves to 0:59
    expect(await live(tess, id, at(59 * minute + hour - minute))).toBe(true);
    expect(await live(tess, id, at(59 * minute + 2 * hour))).toBe(false);
  });

  it("with 2SV: ends 24 hours after the second step however busy", async () => {
    const id = await createSession({ userId: tess.id, userAgent: "Safari", ip: null, aal: 2 });
    const began = (await row(id))!.authenticatedAt;
    const at = (ms: number) => new Date(began.getTime() + ms);
    // A request every 50 minutes keeps it inside the idle limit all day.
    for (let t = 50 * minute; t < day; t += 50 * minute) expect(await live(tess, id, at(t))).toBe(true);
    expect(await live(tess, id, at(day + 1))).toBe(false);
  });

  it("with 2SV: a pending session (code still owed) ends half an hour after the password however busy", async () => {
    const id = await createSession({ userId: tess.id, userAgent: "Safari", ip: null });
    const began = (await row(id))!.authenticatedAt;
    const at = (ms: number) => new Date(began.getTime() + ms);
    expect(await live(tess, id, at(10 * minute))).toBe(true);
    expect(await live(tess, id, at(29 * minute))).toBe(true);
    expect(await live(tess, id, at(30 * minute + 1))).toBe(false);
  });

  it("a background poll (touch: false) finds the session without counting as activity", async () => {
    const id = await createSession({ userId: tess.id, userAgent: "Safari", ip: null, aal: 2 });
    const began = (await row(id))!.lastSeenAt;
    const at = (ms: number) => new Date(began.getTime() + ms);
    for (let t = 10 * minute; t < hour; t += 10 * minute) expect((await findActiveSession(id, at(t), { touch: false }))?.session.id).toBe(id);
    expect((await row(id))!.lastSeenAt).toEqual(began);
    // An hour of polling alone, and the session has idled out.
    expect(await findActiveSession(id, at(hour + 1), { touch: false })).toBeNull();
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

  it("makes the other remembered browsers ask for a code again, not this one", async () => {
    const remy = (await testDb()
      .db.insert(users)
      .values({ email: "remy@example.com", name: "Remy", countryCode: "IE", passwordHash: "x", twoStepEnabledAt: new Date() })
      .returning())[0]!;
    const [here, there] = ["h".repeat(43), "t".repeat(43)];
    for (const token of [here, there]) await trustDevice({ userId: remy.id, token, label: token[0], remember: true });

    await revokeOtherSessions({ userId: remy.id, keepSessionId: await open(remy), keepDeviceToken: here });

    const rows = await testDb().db.select().from(trustedDevices).where(eq(trustedDevices.userId, remy.id));
    expect(Object.fromEntries(rows.map((d) => [d.label, d.rememberUntil !== null]))).toEqual({ h: true, t: false });
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
