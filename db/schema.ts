import { sql } from "drizzle-orm";
import {
  boolean,
  char,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
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

export const waves = pgTable("waves", {
  id: serial().primaryKey(),
  name: text().notNull().unique(),
  status: waveStatusEnum().notNull().default("draft"),
  // Availability is computed from this time whenever it is read: no cron flips a flag.
  startsAt: timestamp({ withTimezone: true }),
  createdAt: createdAt(),
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
    locale: text(),
    passwordChangedAt: createdAt(),
    twoStepEnabledAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_key").on(sql`lower(${t.email})`), index().on(t.countryCode)],
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
    lastSeenAt: createdAt(),
    revokedAt: timestamp({ withTimezone: true }),
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
