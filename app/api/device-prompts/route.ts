import { listDevicePrompts } from "@/lib/two-step/push/list-device-prompts";
import { thisBrowsersReceiver } from "@/lib/two-step/push/this-browsers-receiver";
import { apiRoute } from "@/lib/layout/api-route";

export const dynamic = "force-dynamic";

const noStore = { "cache-control": "no-store, private" };

/**
 * The codes pushed to this trusted browser, polled by <DevicePrompts/> about once a second. State lives only in
 * the database, so any app instance answers. A poll is not activity: it reads no live session and extends none.
 * Anything but a trusted browser of the same account that passed the second step and was not signed out gets 404
 * (the poller then slows right down).
 */
export const GET = apiRoute(async function GET() {
  const receiver = await thisBrowsersReceiver();
  if (!receiver) return Response.json({ prompts: [] }, { status: 404, headers: noStore });
  const prompts = await listDevicePrompts({ userId: receiver.userId, viewerSessionId: receiver.sessionId });
  return Response.json({ prompts }, { headers: noStore });
});
