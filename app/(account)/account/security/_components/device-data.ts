import { describeDevice } from "@/lib/auth/describe-device";
import { listActiveSessions } from "@/lib/auth/sessions";
import { readDeviceToken } from "@/lib/two-step/device-cookie";
import { findTrustedDevice, listTrustedDevices } from "@/lib/two-step/trusted-devices";

/** Trusted browsers of the account, which one (if any) is this browser, and the other signed-in browsers. */
export async function deviceOverview({ userId, sessionId }: { userId: string; sessionId: string }) {
  const [devices, thisDevice, sessions] = await Promise.all([
    listTrustedDevices(userId),
    readDeviceToken().then((token) => findTrustedDevice({ userId, token })),
    listActiveSessions(userId),
  ]);
  return {
    devices: devices.filter((d) => d.receivesCodes).map((d) => ({ id: d.id, label: d.label, createdAt: d.createdAt, lastUsedAt: d.lastUsedAt, current: d.id === thisDevice?.id })),
    thisDeviceTrusted: !!thisDevice,
    otherSessions: sessions
      .filter((s) => s.id !== sessionId)
      .map((s) => ({ id: s.id, label: describeDevice(s.userAgent), lastSeenAt: s.lastSeenAt })),
  };
}
