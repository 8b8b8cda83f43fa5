import { createTranslator } from "next-intl";
import { isLocale, loadMessages } from "@/i18n/messages";

type Translate = (key: string, values: Record<string, string>) => string;

/** One short SMS segment: the code first, a warning not to share it. */
export function composeCodeSms({ code, locale = "en" }: { code: string; locale?: string }) {
  const lang = isLocale(locale) ? locale : "en";
  const t = createTranslator({ locale: lang, messages: loadMessages(lang), namespace: "sms" as never }) as unknown as Translate;
  return t("code", { code });
}
