import { desc, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { challenges, sessions, trustedDevices, users } from "@/db/schema";
import { getTranslations } from "next-intl/server";
import { nameTrustedDevice } from "@/i18n/device-names";
import { currentSession } from "@/lib/auth/current-user";
import { describeDevice } from "@/lib/auth/describe-device";
import { nameDevice } from "@/lib/auth/name-device";
import { ensureDeviceToken } from "@/lib/two-step/device-cookie";
import { trustDevice } from "@/lib/two-step/trusted-devices";

// E2E ONLY — served by app/api/test/[query]/route.ts, which answers 404 unless STEPWISE_TEST_HOOKS=1.
// Views never include a code, a hash or a sealed value: only whether one is still stored.

const userIdByEmail = async (email: string) =>
  (await db.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, email.toLowerCase())))[0]?.id ?? null;

export const pushTestQueries = {
  challenges: async (email: string) => {
    const userId = await userIdByEmail(email);
    if (!userId) return [];
    return db
      .select({
        id: challenges.id,
        sessionId: challenges.sessionId,
        purpose: challenges.purpose,
        method: challenges.method,
        attempts: challenges.attempts,
        hasSealedCode: sql<boolean>`${challenges.sealedCode} is not null`,
        consumedAt: challenges.consumedAt,
        deniedAt: challenges.deniedAt,
        replacedAt: challenges.replacedAt,
        requestUserAgent: challenges.requestUserAgent,
        createdAt: challenges.createdAt,
      })
      .from(challenges)
      .where(eq(challenges.userId, userId))
      .orderBy(desc(challenges.createdAt));
  },
  "trusted-devices": async (email: string) => {
    const userId = await userIdByEmail(email);
    if (!userId) return [];
    const rows = await db
      .select({
        id: trustedDevices.id,
        userAgent: trustedDevices.userAgent,
        label: trustedDevices.label,
        receivesCodes: trustedDevices.receivesCodes,
        rememberUntil: trustedDevices.rememberUntil,
        revokedAt: trustedDevices.revokedAt,
        createdAt: trustedDevices.createdAt,
      })
      .from(trustedDevices)
      .where(eq(trustedDevices.userId, userId))
      .orderBy(desc(trustedDevices.createdAt));
    // `label` is the name an English page shows, so specs can find the row a person sees.
    const t = await getTranslations({ locale: "en", namespace: "devices" });
    const english = (userAgent: string | null) => nameDevice(describeDevice(userAgent), (both) => t("browserOnSystem", both));
    return rows.map((row) => ({ ...row, label: nameTrustedDevice(row, english, t("unknownBrowser")) }));
  },
  "session-levels": async (email: string) => {
    const userId = await userIdByEmail(email);
    if (!userId) return [];
    return db
      .select({ id: sessions.id, aal: sessions.aal, upgradedFrom: sessions.upgradedFrom, revokedAt: sessions.revokedAt, userAgent: sessions.userAgent })
      .from(sessions)
      .where(eq(sessions.userId, userId))
      .orderBy(desc(sessions.createdAt));
  },
};

/**
 * Seed helper standing in for the enable wizard: turns 2SV on for `email`, trusts the CALLING browser (its device
 * cookie, created if missing) and, when the caller is signed in to that account, makes its session a full (aal 2)
 * one — as if it had just finished the wizard with a code.
 */
export async function enableTwoStepForTest(email: string, request: Request) {
  const userId = await userIdByEmail(email);
  if (!userId) return null;
  await db.update(users).set({ twoStepEnabledAt: sql`coalesce(${users.twoStepEnabledAt}, now())` }).where(eq(users.id, userId));
  const current = await currentSession();
  if (current?.user.id === userId) await db.update(sessions).set({ aal: 2 }).where(eq(sessions.id, current.session.id));
  const device = await trustDevice({
    userId,
    token: await ensureDeviceToken(),
    userAgent: request.headers.get("user-agent"),
  });
  return { deviceId: device.id, sessionUpgraded: current?.user.id === userId };
}
