import { z } from "zod";
import { finishPasskeyRegistration } from "@/lib/two-step/passkeys/finish-passkey-registration";
import { normalisePasskeyName } from "@/lib/two-step/passkeys/passkey-name";
import { registrationErrorKey, type PasskeyRegistrationFinish, type PasskeyRegistrationStart } from "@/lib/two-step/passkeys/registration-result";
import { startPasskeyRegistration } from "@/lib/two-step/passkeys/start-passkey-registration";

const finishInput = z.object({ name: z.string().max(500), response: z.string().max(64_000) });

/**
 * The two halves of <AddPasskeyForm>, for the passkeys page and the enable wizard alike; each caller first checks
 * who may add a passkey. The name is checked before the browser prompts (a typo should not cost a touch of the key).
 */
export async function beginPasskeyRegistration(current: { userId: string; sessionId: string }, name: unknown): Promise<PasskeyRegistrationStart> {
  try {
    normalisePasskeyName(typeof name === "string" ? name : "");
    return { options: await startPasskeyRegistration({ userId: current.userId, ownerKey: current.sessionId }) };
  } catch (error) {
    return { error: registrationErrorKey(error) };
  }
}

export async function completePasskeyRegistration(current: { userId: string; sessionId: string }, input: unknown): Promise<PasskeyRegistrationFinish> {
  const parsed = finishInput.safeParse(input);
  if (!parsed.success) return { error: "failed" };
  try {
    const added = await finishPasskeyRegistration({ userId: current.userId, ownerKey: current.sessionId, name: parsed.data.name, response: parseJson(parsed.data.response) });
    return { added: added.name };
  } catch (error) {
    return { error: registrationErrorKey(error) };
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
