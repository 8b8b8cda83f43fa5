import { getTranslations } from "next-intl/server";
import { getDeviceNamer, nameTrustedDevice } from "@/i18n/device-names";
import { listActiveSessions } from "@/lib/auth/sessions";
import { readDeviceToken } from "@/lib/two-step/device-cookie";
import { findTrustedDevice, listTrustedDevices } from "@/lib/two-step/trusted-devices";

/** Trusted browsers of the account, which one (if any) is this browser, and the other signed-in browsers. */
export async function deviceOverview({ userId, sessionId }: { userId: string; sessionId: string }) {
  const [devices, thisDevice, sessions, name, t] = await Promise.all([
    listTrustedDevices(userId),
    readDeviceToken().then((token) => findTrustedDevice({ userId, token })),
    listActiveSessions(userId),
    getDeviceNamer(),
    getTranslations("devices"),
  ]);
  return {
    devices: devices.filter((d) => d.receivesCodes).map((d) => ({ id: d.id, label: nameTrustedDevice(d, name, t("unknownBrowser")), createdAt: d.createdAt, lastUsedAt: d.lastUsedAt, current: d.id === thisDevice?.id })),
    thisDeviceTrusted: !!thisDevice,
    otherSessions: sessions
      .filter((s) => s.id !== sessionId)
      .map((s) => ({ id: s.id, label: name(s.userAgent), lastSeenAt: s.lastSeenAt })),
  };
}
