import { describe, expect, it } from "vitest";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "@/lib/auth/passwords";

function parsePhc(phc: string) {
  const match = /^\$(?<alg>[a-z0-9]+)\$v=(?<v>\d+)\$m=(?<m>\d+),t=(?<t>\d+),p=(?<p>\d+)\$(?<salt>[A-Za-z0-9+/]+)\$(?<hash>[A-Za-z0-9+/]+)$/.exec(phc);
  if (!match?.groups) throw new Error(`not a PHC argon2 string: ${phc}`);
  const g = match.groups;
  return { alg: g.alg, v: Number(g.v), m: Number(g.m), t: Number(g.t), p: Number(g.p), salt: g.salt!, hash: g.hash! };
}

describe("hashPassword", () => {
  it("produces argon2id v19 with m=19456 KiB, t=2, p=1 (OWASP floor)", async () => {
    const phc = parsePhc(await hashPassword("correct-horse-battery-staple-42"));
    expect(phc).toMatchObject({ alg: "argon2id", v: 19, m: 19456, t: 2, p: 1 });
    // 16-byte salt and 32-byte tag, unpadded base64.
    expect(Buffer.from(phc.salt, "base64").length).toBeGreaterThanOrEqual(16);
    expect(Buffer.from(phc.hash, "base64").length).toBeGreaterThanOrEqual(32);
  });

  it("salts every hash, so the same password never hashes the same twice", async () => {
    const [a, b] = await Promise.all([hashPassword("same password"), hashPassword("same password")]);
    expect(a).not.toBe(b);
    expect(parsePhc(a).salt).not.toBe(parsePhc(b).salt);
  });
});

describe("verifyPassword", () => {
  it("accepts the right password and refuses a wrong one", async () => {
    const stored = await hashPassword("correct-horse-battery-staple-42");
    expect(await verifyPassword(stored, "correct-horse-battery-staple-42")).toBe(true);
    expect(await verifyPassword(stored, "correct-horse-battery-staple-43")).toBe(false);
    expect(await verifyPassword(stored, "Correct-horse-battery-staple-42")).toBe(false);
    expect(await verifyPassword(stored, "")).toBe(false);
  });

  it.each(["", "not a hash", "$argon2id$v=19$m=19456,t=2,p=1$short$short", "$2b$10$abcdefghijklmnopqrstuv"])(
    "returns false instead of throwing for the garbage hash %j",
    async (garbage) => {
      await expect(verifyPassword(garbage, "anything")).resolves.toBe(false);
    },
  );
});

describe("verifyAgainstDummy", () => {
  it("always fails, even for the dummy's own password", async () => {
    expect(await verifyAgainstDummy("stepwise-timing-equaliser")).toBe(false);
    expect(await verifyAgainstDummy("anything")).toBe(false);
  });
});
