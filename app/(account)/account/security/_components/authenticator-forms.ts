import { z } from "zod";
import { AppError } from "@/lib/errors";
import { authenticatorQr } from "@/lib/two-step/totp/authenticator-qr";
import { confirmAuthenticator } from "@/lib/two-step/totp/confirm-authenticator";
import { startAuthenticatorSetup } from "@/lib/two-step/totp/start-authenticator-setup";
import type { AuthenticatorSetup, ConfirmAuthenticatorState } from "@/components/two-step/authenticator-setup";

/** A fresh secret with its QR code, for the wizard and for the security settings alike. */
export async function startSetup(user: { id: string; email: string }): Promise<AuthenticatorSetup> {
  const setup = await startAuthenticatorSetup({ userId: user.id, account: user.email });
  return { setupId: setup.setupId, secret: setup.secret, qr: await authenticatorQr(setup.uri) };
}

/** Confirms the app with its current code; null when it worked (the caller redirects). */
export async function confirmSetup(userId: string, formData: FormData): Promise<ConfirmAuthenticatorState | null> {
  const code = String(formData.get("code") ?? "").trim();
  if (!code) return { error: "codeRequired" };
  const setupId = z.uuid().safeParse(formData.get("setupId"));
  if (!setupId.success) return { error: "setupExpired" };
  try {
    await confirmAuthenticator({ userId, setupId: setupId.data, code });
    return null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { error: error.code === "NO_SETUP" ? "setupExpired" : "wrongCode" };
  }
}
