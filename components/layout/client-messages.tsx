import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { pickMessages, type ClientNamespace } from "@/i18n/client-messages";

/**
 * Hands the client components inside it the message namespaces they translate with, and only those: they travel
 * with the page's HTML and its RSC payload, so a page that sent the whole client catalog carried 36 kB it never
 * used. A nested provider replaces the outer one's messages, so a page lists everything rendered inside it;
 * tests/i18n/client-messages.test.ts derives each page's list from its imports and holds the two equal.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly ClientNamespace[]; children: React.ReactNode }) {
  return <NextIntlClientProvider messages={pickMessages(await getMessages(), namespaces)}>{children}</NextIntlClientProvider>;
}
