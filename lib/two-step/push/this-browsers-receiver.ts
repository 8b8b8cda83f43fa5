import { readSessionId } from "@/lib/auth/session-cookie";
import { readDeviceToken } from "@/lib/two-step/device-cookie";
import { findPromptReceiver } from "./find-prompt-receiver";

/** What this request's browser receives as, from its session and device cookies (findPromptReceiver); null if nothing. */
export async function thisBrowsersReceiver() {
  const deviceToken = await readDeviceToken();
  return deviceToken ? findPromptReceiver({ sessionId: await readSessionId(), deviceToken }) : null;
}
