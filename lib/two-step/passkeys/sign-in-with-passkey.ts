import { eq } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";
import { createSession } from "@/lib/auth/sessions";
import { AppError } from "@/lib/errors";
import { verifyPasskeyAssertion, type VerifyPasskeyAssertionError } from "./verify-passkey-assertion";

/**
 * Passwordless sign-in: a user-verified passkey is something you have unlocked by something you know or are, so it
 * is multi-factor on its own (NIST SP 800-63B rev 4, AAL2) and the session starts fully signed in. Only accounts with
 * 2SV on are accepted (checked with the assertion). Any failure is the same PASSKEY_FAILED: nothing says whether a
 * credential or an account exists.
 */
export async function signInWithPasskey(input: { attemptId: string | null; response: unknown; ip: string | null; userAgent: string; now?: Date }) {
  if (!input.attemptId) throw new AppError<VerifyPasskeyAssertionError>("PASSKEY_FAILED");
  // Auth.js hands credentials over as form fields: the browser's answer arrives as its JSON text.
  const response = typeof input.response === "string" ? parseJson(input.response) : input.response;
  const { userId } = await verifyPasskeyAssertion({ ownerKey: input.attemptId, purpose: "passwordless", response, now: input.now });
  const sessionId = await createSession({ userId, userAgent: input.userAgent, ip: input.ip, aal: 2 });
  const [user] = await db.select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.id, userId));
  return { user: user!, sessionId };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
