import { and, desc, eq, isNotNull, ne } from "drizzle-orm";
import { db } from "@/db";
import { challenges, type ChallengePurpose } from "@/db/schema";
import { describeDevice, type DeviceParts } from "@/lib/auth/describe-device";
import { unsealText } from "@/lib/crypto/secrets";
import { isOpenChallenge } from "../open-challenge";

export interface DevicePrompt {
  id: string;
  purpose: ChallengePurpose;
  /** The 6-digit code to type on the browser that asked (NIST: a push must carry the code, never a bare "approve"). */
  code: string;
  /** "Chrome 126" and "Windows 10", named in the reader's language by the prompt; null when nothing was recognisable. */
  browser: DeviceParts | null;
  /** ISO 3166 alpha-2 country of the asking IP when a proxy told us; else null and the IP is shown. */
  country: string | null;
  ip: string | null;
  createdAt: string;
  expiresAt: string;
}

// More than a handful of open pushes at once is noise (sends are capped at 10/hour anyway).
const maxPrompts = 5;

/**
 * The account's pushed codes still waiting to be typed: device method, not used, denied, replaced or expired.
 * Call only for an authorised receiver (findPromptReceiver); the codes are unsealed here and nowhere else.
 * A browser never receives the code it asked for itself (`viewerSessionId`): at an unattended, signed-in computer
 * a step-up must still need something the owner holds elsewhere.
 */
export async function listDevicePrompts({
  userId,
  viewerSessionId,
  now = new Date(),
}: {
  userId: string;
  viewerSessionId?: string;
  now?: Date;
}): Promise<DevicePrompt[]> {
  const rows = await db
    .select({
      id: challenges.id,
      purpose: challenges.purpose,
      sealedCode: challenges.sealedCode,
      requestUserAgent: challenges.requestUserAgent,
      requestCountry: challenges.requestCountry,
      requestIp: challenges.requestIp,
      createdAt: challenges.createdAt,
      expiresAt: challenges.expiresAt,
    })
    .from(challenges)
    .where(
      and(
        eq(challenges.userId, userId),
        eq(challenges.method, "device"),
        isNotNull(challenges.sealedCode),
        isOpenChallenge(now),
        viewerSessionId ? ne(challenges.sessionId, viewerSessionId) : undefined,
      ),
    )
    .orderBy(desc(challenges.createdAt))
    .limit(maxPrompts);

  return rows.flatMap((row) => {
    const code = openSealedCode(row.sealedCode!);
    if (!code) return [];
    return [
      {
        id: row.id,
        purpose: row.purpose,
        code,
        browser: describeDevice(row.requestUserAgent),
        country: row.requestCountry?.trim() || null,
        ip: row.requestIp,
        createdAt: row.createdAt.toISOString(),
        expiresAt: row.expiresAt.toISOString(),
      },
    ];
  });
}

// A code sealed under a previous AUTH_SECRET cannot be shown; the asking browser can send a new one.
function openSealedCode(sealed: string): string | null {
  try {
    return unsealText(sealed);
  } catch {
    return null;
  }
}
