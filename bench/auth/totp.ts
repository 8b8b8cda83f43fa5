// The "authenticator app" of the bench accounts: RFC 6238 (HMAC-SHA1, 6 digits, 30 s) on node:crypto, independent of
// the app's otplib, checked against the RFC's own test vector before any load is sent.
import { createHmac } from "node:crypto";

const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

export function base32Decode(text: string) {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of text.replace(/=+$/, "").toUpperCase()) {
    const index = alphabet.indexOf(char);
    if (index < 0) throw new Error(`not base32: ${char}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

export const stepAt = (ms: number) => Math.floor(ms / 30_000);

export function totpAtStep(key: Buffer, step: number) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac("sha1", key).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0xf;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 1_000_000).padStart(6, "0");
}

/** RFC 6238 appendix B, SHA-1, T = 59 s → 94287082 (8 digits; 6 digits → 287082). */
export function selfTest() {
  const code = totpAtStep(Buffer.from("12345678901234567890"), stepAt(59_000));
  if (code !== "287082") throw new Error(`bench TOTP self-test failed: ${code}`);
}
