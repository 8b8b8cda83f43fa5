import { decode, encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { decodeSessionToken, encodeSessionToken } from "@/lib/auth/session-jwe";

const secret = "q6XJ2bQ1mJ0Yv3m8cHkP4fV9sT2wZ7nL5aR1dE8gU0o=";
const salt = "authjs.session-token";
const claims = { sub: "3b2c9d1e-0000-4000-8000-000000000001", sid: "session-1", email: "ana@example.com" };

/** The five parts of a compact JWE, one of them changed by `change`. */
function tampered(token: string, part: number, change: (bytes: Buffer) => Buffer) {
  const parts = token.split(".");
  parts[part] = change(Buffer.from(parts[part]!, "base64url")).toString("base64url");
  return parts.join(".");
}
const flipFirstBit = (bytes: Buffer) => Buffer.from(bytes.map((b, i) => (i === 0 ? b ^ 1 : b)));

afterEach(() => vi.useRealTimers());

describe("session tokens in Auth.js's format", () => {
  it("opens what Auth.js's own encode seals", async () => {
    const token = await encode({ token: claims, secret, salt });
    expect(await decodeSessionToken({ token, secret, salt })).toMatchObject(claims);
  });

  it("seals what Auth.js's own decode opens, with its header, key id and time claims", async () => {
    const token = await encodeSessionToken({ token: claims, secret, salt, maxAge: 3600 });
    const opened = await decode({ token, secret, salt });
    expect(opened).toMatchObject(claims);
    expect(opened!.exp! - opened!.iat!).toBe(3600);
    expect(opened!.jti).toMatch(/^[0-9a-f-]{36}$/);
    // Auth.js reads our token with its key id check, so the kid must be its thumbprint of the same key.
    const theirs = await encode({ token: claims, secret, salt });
    const header = (t: string) => JSON.parse(Buffer.from(t.split(".")[0]!, "base64url").toString());
    expect(header(token)).toEqual(header(theirs));
  });

  it("gives each token its own IV and id", async () => {
    const [a, b] = await Promise.all([encodeSessionToken({ token: claims, secret, salt }), encodeSessionToken({ token: claims, secret, salt })]);
    expect(a.split(".")[2]).not.toBe(b.split(".")[2]);
    expect((await decodeSessionToken({ token: a, secret, salt }))!.jti).not.toBe((await decodeSessionToken({ token: b, secret, salt }))!.jti);
  });

  it("refuses a token changed anywhere, sealed under another secret or for another cookie", async () => {
    const token = await encodeSessionToken({ token: claims, secret, salt });
    for (const part of [0, 2, 3, 4]) expect(await decodeSessionToken({ token: tampered(token, part, flipFirstBit), secret, salt }), `part ${part}`).toBeNull();
    expect(await decodeSessionToken({ token: tampered(token, 4, (b) => b.subarray(0, 16)), secret, salt })).toBeNull();
    expect(await decodeSessionToken({ token: token.split(".").slice(0, 4).join("."), secret, salt })).toBeNull();
    expect(await decodeSessionToken({ token, secret: `${secret}x`, salt })).toBeNull();
    expect(await decodeSessionToken({ token, secret, salt: "__Secure-authjs.session-token" })).toBeNull();
    for (const junk of ["", "....", "a.b.c.d.e", "\u0000", "x".repeat(5000)]) expect(await decodeSessionToken({ token: junk, secret, salt }), junk.slice(0, 10)).toBeNull();
  });

  it("refuses characters outside base64url anywhere (Buffer.from would skip them and the token would still open)", async () => {
    const token = await encodeSessionToken({ token: claims, secret, salt });
    expect(await decodeSessionToken({ token: `${token}!!`, secret, salt })).toBeNull();
    const parts = token.split(".");
    parts[2] = `${parts[2]!.slice(0, 4)}*${parts[2]!.slice(4)}`;
    expect(await decodeSessionToken({ token: parts.join("."), secret, salt })).toBeNull();
  });

  it("never uses an empty secret, whose key anyone could derive", async () => {
    const forged = await encode({ token: claims, secret: "x", salt }).catch(() => null);
    expect(forged).not.toBeNull();
    await expect(encodeSessionToken({ token: claims, secret: "", salt })).rejects.toThrow(/AUTH_SECRET/);
    await expect(encodeSessionToken({ token: claims, secret: [], salt })).rejects.toThrow(/AUTH_SECRET/);
    expect(await decodeSessionToken({ token: forged!, secret: "", salt })).toBeNull();
    expect(await decodeSessionToken({ token: forged!, secret: [], salt })).toBeNull();
  });

  it("refuses another algorithm or compression named in the header, even with a valid tag", async () => {
    const token = await encodeSessionToken({ token: claims, secret, salt });
    const withHeader = (fields: Record<string, unknown>) =>
      tampered(token, 0, (bytes) => Buffer.from(JSON.stringify({ ...JSON.parse(bytes.toString()), ...fields })));
    for (const fields of [{ alg: "none" }, { enc: "A128CBC-HS256" }, { zip: "DEF" }, { crit: ["exp"] }]) {
      expect(await decodeSessionToken({ token: withHeader(fields), secret, salt }), JSON.stringify(fields)).toBeNull();
    }
  });

  it("refuses an expired token after Auth.js's 15 s of clock tolerance, by a fake clock", async () => {
    vi.useFakeTimers({ now: new Date("2026-06-01T12:00:00Z"), toFake: ["Date"] });
    const token = await encodeSessionToken({ token: claims, secret, salt, maxAge: 60 });
    vi.setSystemTime(new Date("2026-06-01T12:01:14Z"));
    expect(await decodeSessionToken({ token, secret, salt })).toMatchObject(claims);
    vi.setSystemTime(new Date("2026-06-01T12:01:15Z"));
    expect(await decodeSessionToken({ token, secret, salt })).toBeNull();
  });

  it("opens tokens under an earlier secret while secrets rotate (the key id picks it)", async () => {
    const token = await encode({ token: claims, secret: "the-old-secret-0123456789abcdef", salt });
    expect(await decodeSessionToken({ token, secret: [secret, "the-old-secret-0123456789abcdef"], salt })).toMatchObject(claims);
    expect(await decodeSessionToken({ token, secret: [secret], salt })).toBeNull();
  });
});
