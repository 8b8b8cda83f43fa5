import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { TimeZoneCookie } from "@/components/layout/time-zone-cookie";
import { LazyDevicePrompts } from "@/components/two-step/lazy-device-prompts";
import { currentSession } from "@/lib/auth/current-user";
import { isStaffPage } from "@/lib/layout/staff-page";
import { readDeviceToken } from "@/lib/two-step/device-cookie";
import { thisBrowsersReceiver } from "@/lib/two-step/push/this-browsers-receiver";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("home");
  return { title: { default: "Stepwise", template: "%s · Stepwise" }, description: t("metaDescription") };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("common");
  const mayReceivePrompts = await isPromptReceiver(await currentSession());
  // The staff console's tables (audit, regions, staff) need the width; account pages read better narrow.
  const width = (await isStaffPage()) ? "max-w-7xl" : "max-w-5xl";
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          {t("skipToContent")}
        </a>
        {/* Locale, time zone and formats for every client component; each page adds the messages it renders. */}
        <ClientMessages namespaces={[]}>
          <SiteHeader width={width} />
          <main id="main" className={`mx-auto w-full flex-1 ${width} px-4 py-8 sm:px-6 sm:py-12`}>
            {children}
          </main>
          <SiteFooter />
          <TimeZoneCookie />
          {/* Codes pushed to this browser show on every page while it is a trusted device (find-prompt-receiver.ts). */}
          {mayReceivePrompts && (
            <ClientMessages namespaces={["devicePrompt", "devices"]}>
              <LazyDevicePrompts />
            </ClientMessages>
          )}
        </ClientMessages>
      </body>
    </html>
  );
}

/**
 * Whether to mount the prompts: only a trusted browser (it holds the device cookie) can be shown pushed codes, others
 * never poll for them. A live full session needs no query (a browser no longer trusted gets 404s and slows down); one
 * whose session timed out is asked about, since it still receives until it signs out.
 */
async function isPromptReceiver(current: Awaited<ReturnType<typeof currentSession>>) {
  if (!(await readDeviceToken())) return false;
  if (current) return current.session.aal >= 2;
  return !!(await thisBrowsersReceiver());
}
