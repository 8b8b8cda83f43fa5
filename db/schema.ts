import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  char,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();

export const roles = ["user", "viewer", "operator", "admin"] as const;
export const roleEnum = pgEnum("role", roles);
export type Role = (typeof roles)[number];

export const countries = pgTable("countries", {
  code: char({ length: 2 }).primaryKey(),
  name: text().notNull(),
  // Codes go out "through local carriers": SMS availability is per country and separate from 2SV availability.
  smsSupported: boolean().notNull().default(false),
});

export const waveStatuses = ["draft", "pending_approval", "scheduled", "live", "complete", "cancelled"] as const;
export const waveStatusEnum = pgEnum("wave_status", waveStatuses);
export type WaveStatus = (typeof waveStatuses)[number];

/** A ramp step: the share of the wave's accounts offered 2SV from `afterMinutes` after the start. */
export interface RampStep {
  percent: number;
  afterMinutes: number;
}

export const waves = pgTable("waves", {
  id: serial().primaryKey(),
  name: text().notNull().unique(),
  status: waveStatusEnum().notNull().default("draft"),
  // Availability is computed from these times whenever it is read: no cron flips a flag.
  startsAt: timestamp({ withTimezone: true }),
  // Null start while planning = "start as soon as it is approved".
  startOnApproval: boolean().notNull().default(false),
  rampSteps: jsonb().$type<RampStep[]>().notNull().default([{ percent: 100, afterMinutes: 0 }]),
  createdBy: uuid().references(() => users.id),
  requestedBy: uuid().references(() => users.id),
  requestedAt: timestamp({ withTimezone: true }),
  reviewedBy: uuid().references(() => users.id),
  reviewedAt: timestamp({ withTimezone: true }),
  reviewComment: text(),
  // Kill switch for the whole wave: new enrollments stop; enrolled accounts keep 2SV.
  pausedAt: timestamp({ withTimezone: true }),
  pauseReason: text(),
  // Guardrails over the last hour, per country of the wave (fractions 0–1), judged once `guardrailMinSample` tries exist.
  smsFailureThreshold: real().notNull().default(0.25),
  codeFailureThreshold: real().notNull().default(0.5),
  guardrailMinSample: integer().notNull().default(20),
  createdAt: createdAt(),
  updatedAt: createdAt(),
});

export const waveCountries = pgTable(
  "wave_countries",
  {
    waveId: integer()
      .notNull()
      .references(() => waves.id, { onDelete: "cascade" }),
    countryCode: char({ length: 2 })
      .notNull()
      .references(() => countries.code),
  },
  (t) => [primaryKey({ columns: [t.waveId, t.countryCode] }), index().on(t.countryCode)],
);

/** Kill switch per country (by staff or a guardrail); deleting the row resumes the country exactly as planned. */
export const countryPauses = pgTable("country_pauses", {
  countryCode: char({ length: 2 })
    .primaryKey()
    .references(() => countries.code),
  pausedAt: timestamp({ withTimezone: true }).notNull(),
  reason: text().notNull(),
  pausedBy: uuid(),
  source: text().$type<"staff" | "guardrail">().notNull().default("staff"),
});

/**
 * Every staff action, written in the same transaction as the change. Append-only: the app has no update or delete
 * path and a trigger (migration 0001) makes the database refuse them.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: serial().primaryKey(),
    at: createdAt(),
    // Null for automatic actions (guardrails).
    actorId: uuid(),
    actorLabel: text().notNull(),
    action: text().notNull(),
    targetType: text().notNull(),
    targetId: text().notNull(),
    countryCode: char({ length: 2 }),
    before: jsonb().$type<Record<string, unknown>>(),
    after: jsonb().$type<Record<string, unknown>>(),
    reason: text(),
  },
  (t) => [index().on(t.at), index().on(t.actorId), index().on(t.action), index().on(t.countryCode)],
);

export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    name: text().notNull(),
    passwordHash: text().notNull(),
    countryCode: char({ length: 2 })
      .notNull()
      .references(() => countries.code),
    role: roleEnum().notNull().default("user"),
    // The admin who gave the current staff role (null for seeded staff and plain accounts): approvals follow it back
    // so that nobody appointed by a launch's requester, directly or through others, can approve that launch.
    roleGrantedBy: uuid(),
    locale: text(),
    // Null until the password is changed (setting it at sign-up is not a change): drives 2SV's waiting period.
    passwordChangedAt: timestamp({ withTimezone: true }),
    twoStepEnabledAt: timestamp({ withTimezone: true }),
    emailChangedAt: timestamp({ withTimezone: true }),
    // The second-step method that last worked ("sms:<phone id>", "device", "totp", "passkey", "backup_code"):
    // offered first next time.
    lastSecondFactor: text(),
    // Enrolled with one working second factor or no confirmed Recovery Key: one lost phone from being locked out.
    // Kept current by recordEvent (lib/analytics/refresh-lockout-risk.ts) so the dashboard reads a gauge, not users.
    lockoutRisk: boolean().notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_key").on(sql`lower(${t.email})`), index().on(t.countryCode)],
);

/**
 * A staff role waiting for a second admin. Raising anyone's role takes two admins, one asking and another approving,
 * so no admin alone can turn accounts of their own into the "independent" approvers four-eyes relies on. Lowering a
 * role is immediate (taking access away never waits). One request per account; the row goes once it is decided, and
 * the audit log keeps who asked, who decided and why.
 */
export const staffRoleRequests = pgTable("staff_role_requests", {
  id: serial().primaryKey(),
  userId: uuid()
    .notNull()
    .unique()
    .references(() => users.id, { onDelete: "cascade" }),
  fromRole: roleEnum().notNull(),
  role: roleEnum().notNull(),
  reason: text().notNull(),
  requestedBy: uuid()
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  requestedAt: timestamp({ withTimezone: true }).notNull(),
});

/**
 * A sign-up waiting for its emailed code. The account is created only when the code comes back, from the browser
 * that asked (its cookie holds the id), so sign-up neither says which emails have accounts nor takes an address
 * its owner never confirmed. The row goes once the account exists, or (at the next sign-up) once it has expired. For an email that already has an account, `codeHash` is null: its owner is told by
 * email instead, and no code can finish the request.
 */
export const signUpRequests = pgTable(
  "sign_up_requests",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    name: text().notNull(),
    countryCode: char({ length: 2 }).notNull(),
    locale: text(),
    passwordHash: text().notNull(),
    // HMAC-SHA256 keyed by the server secret over (request id, code), as for sign-in codes.
    codeHash: text(),
    attempts: integer().notNull().default(0),
    sends: integer().notNull().default(1),
    sentAt: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.expiresAt)],
);

export const sessions = pgTable(
  "sessions",
  {
    // 256-bit random id carried inside the Auth.js JWT; the row makes the JWT revocable.
    id: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    userAgent: text().notNull().default(""),
    ip: text(),
    createdAt: createdAt(),
    // When this session last proved the factors its aal says (sign-in, second step, turning 2SV on): its overall
    // time limit counts from here (lib/auth/session-limits.ts).
    authenticatedAt: createdAt(),
    lastSeenAt: createdAt(),
    revokedAt: timestamp({ withTimezone: true }),
    // aal 1 = password only (pending the second step), 2 = password + code. NIST SP 800-63B rev 4 §2.
    aal: integer().notNull().default(1),
    // Set when this row replaced a pending session at the second step; the JWT may move only along this link.
    upgradedFrom: text(),
    deviceId: uuid(),
  },
  (t) => [index().on(t.userId)],
);

// Fixed-window counters shared by every app instance (sign-in throttling per account and per IP).
export const rateLimits = pgTable("rate_limits", {
  key: text().primaryKey(),
  hits: integer().notNull(),
  resetAt: timestamp({ withTimezone: true }).notNull(),
});

export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type Country = typeof countries.$inferSelect;
export type Wave = typeof waves.$inferSelect;
export type SignUpRequest = typeof signUpRequests.$inferSelect;

// ── Two-step verification ────────────────────────────────────────────────────────────────────────────

export const securityQuestions = pgTable(
  "security_questions",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    questionKey: text().notNull(),
    // argon2id of the normalised answer: answers are low-entropy secrets, treated like passwords.
    answerHash: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.position] })],
);

export const trustedPhones = pgTable(
  "trusted_phones",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    e164: text().notNull(),
    countryCode: char({ length: 2 }).notNull(),
    verifiedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    removedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.userId)],
);

/** A browser the owner trusts: it can receive pushed codes and, when remembered, skip the second step for 30 days. */
export const trustedDevices = pgTable(
  "trusted_devices",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // SHA-256 of the random token kept in the browser's device cookie.
    tokenHash: text().notNull(),
    // The browser as trusted, named in the reader's language when shown; `label` names rows without one (seeded).
    userAgent: text(),
    label: text().notNull().default(""),
    receivesCodes: boolean().notNull().default(true),
    rememberUntil: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.userId), uniqueIndex().on(t.tokenHash, t.userId)],
);

export const challengePurposes = ["sign_in", "step_up", "enroll_phone", "recovery"] as const;
export const challengeMethods = ["sms", "device"] as const;
// Every way to pass the second step; the first two send a code (a `challenges` row), the rest are held by the owner.
export const secondFactorMethods = ["sms", "device", "totp", "passkey", "backup_code"] as const;
export type SecondFactorMethod = (typeof secondFactorMethods)[number];
export type ChallengePurpose = (typeof challengePurposes)[number];
export type ChallengeMethod = (typeof challengeMethods)[number];

/** One code sent for one attempt; bound to the session that asked. */
export const challenges = pgTable(
  "challenges",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    sessionId: text().notNull(),
    purpose: text().$type<ChallengePurpose>().notNull(),
    method: text().$type<ChallengeMethod>().notNull(),
    phoneId: uuid(),
    // HMAC-SHA256 keyed by the server secret over (challenge id, code): a leaked table does not reveal codes.
    codeHash: text().notNull(),
    // Pushed codes only: AES-GCM sealed so the trusted device can show it; cleared once used, denied or replaced.
    sealedCode: text(),
    attempts: integer().notNull().default(0),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    consumedAt: timestamp({ withTimezone: true }),
    deniedAt: timestamp({ withTimezone: true }),
    replacedAt: timestamp({ withTimezone: true }),
    requestIp: text(),
    requestCountry: char({ length: 2 }),
    requestUserAgent: text().notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.userId, t.createdAt), index().on(t.sessionId)],
);

/** Consecutive second-step failures per account (NIST: ≤ 100), with growing waits; only a success resets it. */
export const secondFactorLockouts = pgTable("second_factor_lockouts", {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  consecutiveFailures: integer().notNull().default(0),
  blockedUntil: timestamp({ withTimezone: true }),
  updatedAt: createdAt(),
});

export const recoveryKeys = pgTable(
  "recovery_keys",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    keyHash: text().notNull(),
    confirmedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    replacedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.userId)],
);

/** Fresh second-factor proof per sensitive action; each lapses on its own. */
export const stepUps = pgTable(
  "step_ups",
  {
    sessionId: text().notNull(),
    action: text().notNull(),
    verifiedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.action] })],
);

export const enrollments = pgTable("enrollments", {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  step: text().notNull().default("explain"),
  pendingKeyHash: text(),
  // The session that re-typed the password at the first step, and when: only it continues, within the hour
  // (enrollment-proof.ts).
  sessionId: text(),
  provedAt: timestamp({ withTimezone: true }),
  startedAt: createdAt(),
  updatedAt: createdAt(),
});

// ── Messaging and events ─────────────────────────────────────────────────────────────────────────────

export const outbox = pgTable(
  "outbox",
  {
    id: uuid().primaryKey().defaultRandom(),
    channel: text().$type<"sms" | "email">().notNull(),
    recipient: text().notNull(),
    subject: text(),
    body: text().notNull(),
    userId: uuid(),
    countryCode: char({ length: 2 }),
    transport: text().notNull(),
    // "expired": never sent, because the code it carried expired or was replaced before the provider took it.
    status: text().$type<"pending" | "sent" | "failed" | "expired">().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: createdAt(),
    lastError: text(),
    providerMessageId: text(),
    /** A text carrying a code is worth nothing after the code's expiry: it is dropped, not sent late. */
    expiresAt: timestamp({ withTimezone: true }),
    /** Messages with the same key replace each other: queuing one drops the earlier ones still waiting. */
    replaceKey: text(),
    createdAt: createdAt(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.status, t.nextAttemptAt), index().on(t.recipient), index().on(t.replaceKey)],
);

export const events = pgTable(
  "events",
  {
    id: serial().primaryKey(),
    at: createdAt(),
    type: text().notNull(),
    userId: uuid(),
    countryCode: char({ length: 2 }),
    method: text(),
    detail: text(),
  },
  (t) => [index().on(t.type, t.at), index().on(t.userId)],
);

/**
 * Counts per UTC day × country × metric (an event type) × method, incremented in the same transaction as each
 * event, so dashboard queries grow with countries × days, not with accounts. "ZZ" = country unknown.
 * `npm run db:rollups` rebuilds them from `events`.
 */
export const dailyRollups = pgTable(
  "daily_rollups",
  {
    day: date({ mode: "string" }).notNull(),
    countryCode: char({ length: 2 }).notNull(),
    metric: text().notNull(),
    method: text().notNull().default(""),
    count: integer().notNull().default(0),
  },
  // Dashboard reads are day ranges of one metric, in all countries (metric, day) or in a few (metric, country, day).
  (t) => [primaryKey({ columns: [t.day, t.countryCode, t.metric, t.method] }), index().on(t.metric, t.day), index().on(t.metric, t.countryCode, t.day)],
);

/** Current values per country that are states, not flows (e.g. accounts at lockout risk). */
export const countryGauges = pgTable(
  "country_gauges",
  {
    countryCode: char({ length: 2 }).notNull(),
    gauge: text().notNull(),
    value: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.countryCode, t.gauge] })],
);

// ── Factors the owner holds: authenticator apps, passkeys, backup codes, app-specific passwords ──────────

/** An authenticator app (RFC 6238). One confirmed per account; setting up a new one retires the old secret. */
export const authenticatorApps = pgTable(
  "authenticator_apps",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // AES-256-GCM under TOTP_ENCRYPTION_KEY: checking a code needs the secret itself, so it is sealed, not hashed.
    sealedSecret: text().notNull(),
    // Null while the owner has not yet typed a code from the app: an unconfirmed secret never passes a second step.
    confirmedAt: timestamp({ withTimezone: true }),
    // The last accepted time step: a code works once, even inside its ±30 s window.
    lastUsedStep: bigint({ mode: "number" }),
    lastUsedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.userId)],
);

/** A WebAuthn credential: a passkey (synced, discoverable) or a security key. */
export const passkeys = pgTable(
  "passkeys",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    credentialId: text().notNull(),
    publicKey: text().notNull(),
    // Signature counter: a value that does not grow means a cloned authenticator (0 = the authenticator keeps none).
    counter: bigint({ mode: "number" }).notNull().default(0),
    transports: jsonb().$type<string[]>().notNull().default([]),
    name: text().notNull(),
    deviceType: text().$type<"singleDevice" | "multiDevice">().notNull(),
    backedUp: boolean().notNull().default(false),
    createdAt: createdAt(),
    lastUsedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex().on(t.credentialId), index().on(t.userId)],
);

/** One WebAuthn ceremony: the random challenge, bound to the session (or sign-in attempt) that asked; single use. */
export const webauthnChallenges = pgTable(
  "webauthn_challenges",
  {
    id: uuid().primaryKey().defaultRandom(),
    // The session id, or for a passwordless sign-in the random id kept in a short-lived cookie.
    ownerKey: text().notNull(),
    userId: uuid(),
    purpose: text().$type<"register" | "sign_in" | "step_up" | "passwordless">().notNull(),
    challenge: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.ownerKey)],
);

/** Ten single-use codes for when no phone, device, app or passkey is at hand. Stored as keyed hashes only. */
export const backupCodes = pgTable(
  "backup_codes",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text().notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex().on(t.userId, t.codeHash)],
);

/** Passwords for apps that cannot ask for a code (mail, calendar): accepted only by the HTTP Basic API. */
export const appPasswords = pgTable(
  "app_passwords",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    label: text().notNull(),
    // Keyed hash: 16 random letters (75 bits) need no slow hash, and a lookup by hash keeps Basic auth fast.
    passwordHash: text().notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp({ withTimezone: true }),
    lastUsedIp: text(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex().on(t.passwordHash), index().on(t.userId)],
);

export type Challenge = typeof challenges.$inferSelect;
export type TrustedPhone = typeof trustedPhones.$inferSelect;
export type TrustedDevice = typeof trustedDevices.$inferSelect;
export type Passkey = typeof passkeys.$inferSelect;
export type AppPassword = typeof appPasswords.$inferSelect;
