// Bench accounts, written straight into the throwaway database with the app's own domain functions where they
// exist (authenticator setup and confirmation, sessions); none of this is timed.
import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import type { Database } from "@/db";
import { authenticatorApps, sessions, users } from "@/db/schema";
import { countryWeights } from "@/db/synth-data";
import { sealWith } from "@/lib/crypto/secrets";
import { totpKey } from "@/lib/crypto/totp-key";
import { newTotpSecret } from "@/lib/two-step/totp/totp-rules";

export const benchPassword = "Bench-Lantern-Orbit-7421";
/** Auth.js's session cookie on plain http (no __Secure- prefix); it is also the JWT's key-derivation salt. */
export const sessionCookie = "authjs.session-token";
const sessionMaxAge = 30 * 24 * 60 * 60;

// Accounts spread over the countries where 2SV is launched (waves 1–2), weighted like the synthetic population:
// the per-country daily rollup row each verification bumps is then shared the way real traffic shares it.
const launched = ["US", "GB", "AU", "IE", "NZ", "AT", "AR", "BE", "BR", "MX", "NL", "PK", "PL", "RU"];
const weights = launched.map((c) => countryWeights[c] ?? 1);
const total = weights.reduce((a, b) => a + b, 0);
function countryOf(i: number) {
  let x = ((i * 2654435761) % 2 ** 32) / 2 ** 32 * total;
  for (let k = 0; k < launched.length; k++) {
    x -= weights[k]!;
    if (x < 0) return launched[k]!;
  }
  return "US";
}

export interface BenchUser {
  id: string;
  email: string;
  name: string;
}

/** `count` accounts sharing one argon2id hash of benchPassword (each sign-in still runs the full verification). */
export async function createUsers(database: Database, options: { kind: string; count: number; run: string; passwordHash: string; twoStep: boolean }) {
  const created: BenchUser[] = [];
  for (let from = 0; from < options.count; from += 2000) {
    const rows = Array.from({ length: Math.min(2000, options.count - from) }, (_, k) => {
      const i = from + k;
      return {
        email: `${options.kind}-${i}-${options.run}@bench.stepwise.test`,
        name: `Bench ${options.kind} ${i}`,
        passwordHash: options.passwordHash,
        countryCode: countryOf(i),
        twoStepEnabledAt: options.twoStep ? new Date(Date.now() - 86_400_000) : null,
      };
    });
    created.push(...(await database.db.insert(users).values(rows).returning({ id: users.id, email: users.email, name: users.name })));
  }
  return created;
}

/** Runs `fn` over `items` with `concurrency` in flight. */
export async function inPool<T, R>(items: T[], concurrency: number, fn: (item: T, index: number) => Promise<R>) {
  const out = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!, i);
      }
    }),
  );
  return out;
}

/**
 * The owner adds an authenticator app the way the settings page does (setup, then confirm with the app's code),
 * two minutes ago, so the code of the current step has not been used yet. Returns the Base32 secret.
 */
export async function enrolAuthenticator(user: BenchUser, codeAt: (secret: string, at: Date) => string) {
  const { startAuthenticatorSetup } = await import("@/lib/two-step/totp/start-authenticator-setup");
  const { confirmAuthenticator } = await import("@/lib/two-step/totp/confirm-authenticator");
  const now = new Date(Date.now() - 120_000);
  const { setupId, secret } = await startAuthenticatorSetup({ userId: user.id, account: user.email, now });
  await confirmAuthenticator({ userId: user.id, setupId, code: codeAt(secret, now), now });
  return secret;
}

/**
 * The rows enrolAuthenticator leaves, written in bulk for thousands of load accounts (the domain functions also
 * write an event and queue an email per account, which the second step never reads): a secret from the app's
 * generator sealed with the app's key, confirmed two minutes ago with that step's code.
 */
export async function addAuthenticators(database: Database, accounts: BenchUser[]) {
  const at = new Date(Date.now() - 120_000);
  const secrets = accounts.map(() => newTotpSecret());
  const key = totpKey();
  for (let from = 0; from < accounts.length; from += 2000) {
    const rows = accounts.slice(from, from + 2000).map((user, k) => ({
      userId: user.id,
      sealedSecret: sealWith(key, secrets[from + k]!),
      confirmedAt: at,
      lastUsedStep: Math.floor(at.getTime() / 30_000),
      lastUsedAt: at,
      createdAt: at,
    }));
    await database.db.insert(authenticatorApps).values(rows);
  }
  return secrets;
}

/**
 * Sessions that passed the password and owe the second step (aal 1, the row createSession writes for
 * authenticateWithPassword), and for each the Auth.js cookie the credentials callback would have set: the same JWT
 * claims, encoded with the same secret and salt.
 */
export async function pendingSessionCookies(database: Database, accounts: BenchUser[], secret: string) {
  const ids = accounts.map(() => randomBytes(32).toString("base64url"));
  for (let from = 0; from < accounts.length; from += 2000) {
    const rows = accounts.slice(from, from + 2000).map((user, k) => ({ id: ids[from + k]!, userId: user.id, userAgent: "stepwise-bench", ip: "127.0.0.1", aal: 1 }));
    await database.db.insert(sessions).values(rows);
  }
  return inPool(accounts, 16, (user, i) =>
    encode({ token: { name: user.name, email: user.email, sub: user.id, sid: ids[i]! }, secret, salt: sessionCookie, maxAge: sessionMaxAge }),
  );
}

export const runId = () => randomBytes(3).toString("hex");
