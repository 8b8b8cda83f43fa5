import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { namePublicCountries } from "@/lib/rollout/name-public-countries";
import { listPublicAvailability, type PublicCountry } from "@/lib/rollout/public-availability";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: t("availability") };
}
export const dynamic = "force-dynamic";

const slug = (key: string) => key.toLowerCase().replace(/[^a-z0-9]+/g, "-");

interface Group {
  key: string;
  heading: string;
  note?: string;
  countries: PublicCountry[];
}

/** Public, generated from the rollout state at each request, so it can never drift from what the product does. */
export default async function AvailabilityPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const [t, format, locale, all] = await Promise.all([getTranslations("availability"), getFormatter(), getLocale(), listPublicAvailability()]);
  // `?q=a&q=b` arrives as an array: the first one is the search.
  const raw = (await searchParams).q;
  const query = ((Array.isArray(raw) ? raw[0] : raw) ?? "").trim();
  // Sorted once here: every group below keeps this order (the wave grouping sorts by launch date only, stably).
  const named = namePublicCountries(all, locale);
  const q = query.toLocaleLowerCase(locale);
  const shown = q ? named.filter((c) => c.name.toLocaleLowerCase(locale).includes(q) || c.code.toLowerCase() === q) : named;
  const day = (iso: string | null) => (iso ? format.dateTime(new Date(iso), { dateStyle: "long", timeZone: "UTC" }) : "");

  // Launched countries grouped by wave (launch date order), then what is coming, paused, and not yet.
  const groups: Group[] = [];
  const byWave = new Map<string, Group>();
  for (const c of shown.filter((c) => c.status === "available" || c.status === "rolling_out").sort((a, b) => (a.launchAt ?? "").localeCompare(b.launchAt ?? ""))) {
    const key = `${c.wave}-${c.status}`;
    if (!byWave.has(key)) {
      const group = { key, heading: c.status === "available" ? t("available", { date: day(c.launchAt) }) : t("rollingOut", { date: day(c.launchAt) }), note: c.status === "rolling_out" ? t("rollingOutNote") : undefined, countries: [] };
      byWave.set(key, group);
      groups.push(group);
    }
    byWave.get(key)!.countries.push(c);
  }
  const scheduled = shown.filter((c) => c.status === "scheduled");
  for (const date of [...new Set(scheduled.map((c) => c.launchAt))]) groups.push({ key: `scheduled-${date}`, heading: t("scheduled", { date: day(date) }), countries: scheduled.filter((c) => c.launchAt === date) });
  const paused = shown.filter((c) => c.status === "paused");
  if (paused.length) groups.push({ key: "paused", heading: t("paused"), note: t("pausedNote"), countries: paused });
  const notYet = shown.filter((c) => c.status === "not_available");

  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <div>
        <h1 className="text-2xl font-bold text-slate-900 sm:text-3xl">{t("title")}</h1>
        <p className="mt-2 text-slate-600">{t("lead")}</p>
      </div>
      <form role="search" className="flex flex-wrap items-end gap-2" action="/availability">
        <div className="min-w-0 flex-1">
          <label htmlFor="q" className="block text-sm font-medium text-slate-800">
            {t("searchLabel")}
          </label>
          <input id="q" name="q" type="search" defaultValue={query} placeholder={t("searchPlaceholder")} className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30" />
        </div>
        <button type="submit" className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
          {t("search")}
        </button>
        {query && (
          <a href="/availability" className="rounded-lg px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">
            {t("clear")}
          </a>
        )}
      </form>
      {shown.length === 0 && <p className="rounded-xl border-2 border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">{t("noMatch", { query })}</p>}
      {groups.map((g) => (
        <section key={g.key} aria-labelledby={`${slug(g.key)}-heading`} className="rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <h2 id={`${slug(g.key)}-heading`} className="text-lg font-semibold text-slate-900">
            {g.heading} <span className="text-sm font-normal text-slate-500">· {t("countryCount", { count: g.countries.length })}</span>
          </h2>
          {g.note && <p className="mt-1 text-sm text-slate-600">{g.note}</p>}
          <CountryList countries={g.countries} sms={t("smsYes")} noSms={t("smsNo")} />
        </section>
      ))}
      {notYet.length > 0 && (
        <details open={!!query} className="rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <summary className="cursor-pointer text-lg font-semibold text-slate-900">{t("notYet", { count: notYet.length })}</summary>
          <p className="mt-1 text-sm text-slate-600">{t("notYetNote")}</p>
          <ul className="mt-3 columns-1 gap-6 text-sm text-slate-700 sm:columns-2 md:columns-3">
            {notYet.map((c) => (
              <li key={c.code} className="break-inside-avoid py-0.5">
                {c.name}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

function CountryList({ countries, sms, noSms }: { countries: PublicCountry[]; sms: string; noSms: string }) {
  return (
    <ul className="mt-3 grid gap-2 sm:grid-cols-2">
      {countries.map((c) => (
        <li key={c.code} className="rounded-lg bg-slate-50 px-3 py-2" data-testid={`country-${c.code}`}>
          <span className="block font-medium text-slate-900">{c.name}</span>
          <span className="block text-xs text-slate-600">{c.sms ? sms : noSms}</span>
        </li>
      ))}
    </ul>
  );
}
