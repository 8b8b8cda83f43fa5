"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn } from "@/auth";
import { safeRedirect } from "@/lib/forms/safe-redirect";
import { deleteCookie } from "@/lib/http/app-cookie";
import { passkeyCookie } from "@/lib/two-step/passkeys/passkey-cookie";

const input = z.object({ response: z.string().max(64_000), callbackUrl: z.string().max(600) });

/** Passwordless sign-in with the browser's signed answer; the "passkey" provider in auth.ts does the checking. */
export async function passkeySignInAction(raw: { response: string; callbackUrl: string }): Promise<{ error?: "failed" }> {
  const parsed = input.safeParse(raw);
  if (!parsed.success) return { error: "failed" };
  try {
    await signIn("passkey", { response: parsed.data.response, redirectTo: safeRedirect(parsed.data.callbackUrl) });
    return {};
  } catch (error) {
    // signIn redirects by throwing; only Auth.js's own refusals become a message (one message, whatever failed).
    if (!(error instanceof AuthError)) throw error;
    return { error: "failed" };
  } finally {
    // The attempt is spent either way (its challenge was claimed): the browser need not keep its id.
    await deleteCookie(passkeyCookie);
  }
}
