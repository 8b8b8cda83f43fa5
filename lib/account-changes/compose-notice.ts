import { createTranslator } from "next-intl";
import { isLocale, loadMessages } from "@/i18n/messages";
import { describeDevice } from "@/lib/auth/describe-device";

type Translate = (key: string, values?: Record<string, string>) => string;

/** Email and SMS texts about account changes, in the account's language ("accountNotices" messages). */
export function noticeTranslator(locale?: string | null): Translate {
  const lang = locale && isLocale(locale) ? locale : "en";
  return createTranslator({ locale: lang, messages: loadMessages(lang), namespace: "accountNotices" as never }) as unknown as Translate;
}

/** When something happened, in the account's language; in UTC, said so, as the reader's zone is unknown here. */
export function noticeTime(at: Date, locale?: string | null) {
  const lang = locale && isLocale(locale) ? locale : "en";
  return `${new Intl.DateTimeFormat(lang, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(at)} UTC`;
}

/** "Chrome 120 on macOS 14", or the translated "an unknown browser". */
export function browserOf(userAgent: string | null | undefined, t: Translate) {
  return (userAgent && describeDevice(userAgent)) || t("unknownBrowser");
}

/** The public address used in links we email. Never taken from the request's Host header (reset-link poisoning). */
export function appOrigin(): string {
  const configured = process.env.APP_URL || process.env.AUTH_URL;
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {}
  }
  return "http://localhost:3000";
}

export const appLink = (path: string) => `${appOrigin()}${path}`;

/** "ana@example.com" → "a••@example.com": recognisable by its owner, useless to anyone reading over a shoulder. */
export function maskEmail(email: string) {
  const [local = "", domain = ""] = email.split("@");
  return `${local.slice(0, 1)}${"•".repeat(Math.max(2, Math.min(local.length - 1, 6)))}@${domain}`;
}
