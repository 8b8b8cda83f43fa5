import { pollingSession } from "@/lib/auth/current-user";
import { readDeviceToken } from "@/lib/two-step/device-cookie";
import { findPromptReceiver } from "@/lib/two-step/push/find-prompt-receiver";
import { listDevicePrompts } from "@/lib/two-step/push/list-device-prompts";
import { apiRoute } from "@/lib/layout/api-route";

export const dynamic = "force-dynamic";

const noStore = { "cache-control": "no-store, private" };

/**
 * The codes pushed to this trusted browser, polled by <DevicePrompts/> about once a second. State lives only in
 * the database, so any app instance answers. Anything but a full session in a trusted browser of the same account
 * gets 404 (the poller then slows right down).
 */
export const GET = apiRoute(async function GET() {
  const receiver = await findPromptReceiver({ current: await pollingSession(), deviceToken: await readDeviceToken() });
  if (!receiver) return Response.json({ prompts: [] }, { status: 404, headers: noStore });
  const prompts = await listDevicePrompts({ userId: receiver.userId, viewerSessionId: receiver.sessionId });
  return Response.json({ prompts }, { headers: noStore });
});
