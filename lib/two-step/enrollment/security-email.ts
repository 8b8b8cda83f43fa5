import { createTranslator } from "next-intl";
import { isLocale, loadMessages } from "@/i18n/messages";

export type SecurityEmailKind = "enabled" | "disabled" | "phoneAdded" | "phoneRemoved" | "methodAdded" | "methodRemoved";

/** The notification an account holder gets after a change to their account's security, in their language. */
export function composeSecurityEmail({
  kind,
  name,
  locale,
  values = {},
}: {
  kind: SecurityEmailKind;
  name: string;
  locale?: string | null;
  values?: Record<string, string>;
}) {
  const lang = locale && isLocale(locale) ? locale : "en";
  const t = createTranslator({ locale: lang, messages: loadMessages(lang), namespace: "securityEmail" as never }) as unknown as (
    key: string,
    values: Record<string, string>,
  ) => string;
  return {
    subject: t(`${kind}Subject`, { name, ...values }),
    body: `${t("greeting", { name })}\n\n${t(`${kind}Body`, { name, ...values })}\n\n${t("notYou", {})}`,
  };
}
