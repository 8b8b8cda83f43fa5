import { hash, verify } from "@node-rs/argon2";

// OWASP / NIST SP 800-63B rev 4 recommended argon2id floor: m = 19 MiB, t = 2, p = 1.
export const argon2Options = {
  algorithm: 2, // Algorithm.Argon2id (a const enum, not importable under isolatedModules)
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string) {
  return hash(password, argon2Options);
}

export async function verifyPassword(passwordHash: string, password: string) {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Spends the same argon2id work as a real check so an unknown email takes as long as a wrong password. */
export async function verifyAgainstDummy(password: string) {
  dummyHash ??= hashPassword("stepwise-timing-equaliser");
  await verifyPassword(await dummyHash, password);
  return false;
}
