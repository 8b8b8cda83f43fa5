// use-intl is next-intl's core (no React): the proxy formats its few texts without pulling in the app's i18n.
import { createTranslator } from "use-intl/core";
import { localeCookie, pickLocale, type Locale } from "@/i18n/locales";
import { cookieName, isHttps } from "@/lib/http/cookie-name";
import de from "@/messages/de/unavailable.json";
import en from "@/messages/en/unavailable.json";
import es from "@/messages/es/unavailable.json";
import fr from "@/messages/fr/unavailable.json";
import it from "@/messages/it/unavailable.json";
import ja from "@/messages/ja/unavailable.json";
import nl from "@/messages/nl/unavailable.json";
import pl from "@/messages/pl/unavailable.json";
import ptBR from "@/messages/pt-BR/unavailable.json";
import ru from "@/messages/ru/unavailable.json";

// proxy.ts runs on every request: it gets this one small file per language, never the whole catalogs.
const catalogs: Record<Locale, typeof en> = { en, fr, de, it, es, "pt-BR": ptBR, nl, pl, ja, ru };

interface ProxyRequest {
  cookies: { get(name: string): { value: string } | undefined };
  headers: Headers;
}

/** The proxy's own texts, in the visitor's language chosen without the database: the `locale` cookie, else Accept-Language. */
function translate(request: ProxyRequest) {
  const locale = pickLocale(request.cookies.get(cookieName(localeCookie, isHttps(request.headers)))?.value, request.headers.get("accept-language"));
  const t = createTranslator({ namespace: "unavailable", locale, messages: catalogs[locale] });
  return { locale, t };
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** A plain page (no app code runs without the database): what happened, and that retrying is safe. */
export function unavailablePage(request: ProxyRequest) {
  const { locale, t } = translate(request);
  const [title, heading, body, retry] = [t("title"), t("heading"), t("body"), t("retry")].map(escapeHtml);
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · Stepwise</title></head>
<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#0f172a">
<h1 style="font-size:1.5rem">${heading}</h1>
<p>${body}</p>
<p><a href="" style="color:#1d4ed8">${retry}</a></p></body></html>`;
  return new Response(html, { status: 503, headers: { "content-type": "text/html; charset=utf-8", "content-language": locale, "retry-after": "5", "cache-control": "no-store", vary: "cookie, accept-language" } });
}

/** A Server Action's body past Next's limit, refused before Next would answer it with a 500. */
export function tooLargeAnswer(request: ProxyRequest) {
  const { locale, t } = translate(request);
  return new Response(t("tooLarge"), { status: 413, headers: { "content-type": "text/plain; charset=utf-8", "content-language": locale } });
}
