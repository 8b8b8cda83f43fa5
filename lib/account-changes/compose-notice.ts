import { createTranslator } from "next-intl";
import { isLocale, loadMessages } from "@/i18n/messages";
import { describeDevice } from "@/lib/auth/describe-device";
import { nameDevice } from "@/lib/auth/name-device";

type Translate = (key: string, values?: Record<string, string>) => string;

/** Email and SMS texts about account changes, in the account's language ("accountNotices" messages). */
export function noticeTranslator(locale?: string | null): Translate {
  const lang = locale && isLocale(locale) ? locale : "en";
  return createTranslator({ locale: lang, messages: loadMessages(lang), namespace: "accountNotices" as never }) as unknown as Translate;
}

/**
 * When something happened, in the account's language; in UTC, said so, as the reader's zone is unknown here.
 * Spelled out as dateStyle "long" + timeStyle "short", which Intl does not allow together with timeZoneName.
 */
export function noticeTime(at: Date, locale?: string | null) {
  const lang = locale && isLocale(locale) ? locale : "en";
  return new Intl.DateTimeFormat(lang, { year: "numeric", month: "long", day: "numeric", hour: "numeric", minute: "2-digit", timeZone: "UTC", timeZoneName: "short" }).format(at);
}

/** "Chrome 120 on macOS 14" in the notice's language, or its "an unknown browser". */
export function browserOf(userAgent: string | null | undefined, t: Translate) {
  return nameDevice(describeDevice(userAgent), (both) => t("browserOnSystem", both)) ?? t("unknownBrowser");
}

/** The public address used in links we email. Never taken from the request's Host header (reset-link poisoning). */
export function appOrigin(): string {
  const configured = process.env.APP_URL || process.env.AUTH_URL;
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {}
  }
  // `npm start` serves on PORT (default 3000).
  return `http://localhost:${process.env.PORT || 3000}`;
}

export const appLink = (path: string) => `${appOrigin()}${path}`;

/** "ana@example.com" → "a••@example.com": recognisable by its owner, useless to anyone reading over a shoulder. */
export function maskEmail(email: string) {
  const [local = "", domain = ""] = email.split("@");
  return `${local.slice(0, 1)}${"•".repeat(Math.max(2, Math.min(local.length - 1, 6)))}@${domain}`;
}
