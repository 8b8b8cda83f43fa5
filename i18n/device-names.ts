import { getTranslations } from "next-intl/server";
import { describeDevice } from "@/lib/auth/describe-device";
import { nameDevice } from "@/lib/auth/name-device";

/** Names browsers from their User-Agent in this request's language; null when the User-Agent says nothing useful. */
export async function getDeviceNamer() {
  const t = await getTranslations("devices");
  return (userAgent: string | null | undefined) => nameDevice(describeDevice(userAgent), (both) => t("browserOnSystem", both));
}

/**
 * A trusted browser's name: from the User-Agent it was trusted with, in the reader's language; rows trusted
 * before the User-Agent was kept (and seeded ones) show the label they were stored with.
 */
export function nameTrustedDevice(device: { userAgent: string | null; label: string }, name: (userAgent: string | null) => string | null, unknown: string) {
  return name(device.userAgent) ?? (device.label || unknown);
}
