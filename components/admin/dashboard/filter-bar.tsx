"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import type { FormEvent } from "react";

const FILTER_KEYS = ["from", "to", "wave", "country"] as const;

const control =
  "block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:[color-scheme:dark]";
const label = "block text-sm font-medium text-slate-800 dark:text-slate-200";

export interface FilterBarProps {
  /** The filters in force (after defaults), shown in the inputs. */
  value: { from: string; to: string; wave: string; country: string };
  /** The default range: left out of the URL so "last 30 days" keeps rolling. */
  defaults: { from: string; to: string };
  /** The days the date inputs offer: from the first day with figures up to today. (A prop, not an import of
   * lib/analytics/dashboard-filters: that module brings its validation library into the browser's bundle.) */
  earliest: string;
  today: string;
  waves: { id: number; name: string }[];
  countries: { code: string; name: string }[];
}

/**
 * The filters live in the URL (`from`, `to`, `wave`, `country`). A plain GET form without JavaScript; with it,
 * a client navigation that keeps the table's own keys (sort) and leaves defaults out.
 */
export function FilterBar({ value, defaults, earliest, today, waves, countries }: FilterBarProps) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams(searchParams.toString());
    next.delete("page");
    for (const key of FILTER_KEYS) {
      const v = String(form.get(key) ?? "");
      if (v && !(key === "from" && v === defaults.from) && !(key === "to" && v === defaults.to)) next.set(key, v);
      else next.delete(key);
    }
    const qs = next.toString();
    router.push(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  }

  // Waves and countries a link names but the lists lack still show, rather than pretending "All" is chosen.
  const waveOptions = value.wave && !waves.some((w) => String(w.id) === value.wave) ? [...waves, { id: Number(value.wave), name: `Wave #${value.wave}` }] : waves;
  const countryOptions = value.country && !countries.some((c) => c.code === value.country) ? [...countries, { code: value.country, name: value.country }] : countries;

  return (
    <form
      // Remount on every URL change so the inputs show what the page shows (Reset, Back).
      key={FILTER_KEYS.map((k) => value[k]).join("|")}
      method="get"
      action={pathname}
      onSubmit={apply}
      aria-label="Dashboard filters"
      className="flex flex-wrap items-end gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800"
    >
      <div className="w-[calc(50%-0.375rem)] space-y-1.5 sm:w-40">
        <label htmlFor="dashboard-from" className={label}>
          From
        </label>
        <input id="dashboard-from" name="from" type="date" defaultValue={value.from} min={earliest} max={today} required className={control} />
      </div>
      <div className="w-[calc(50%-0.375rem)] space-y-1.5 sm:w-40">
        <label htmlFor="dashboard-to" className={label}>
          To
        </label>
        <input id="dashboard-to" name="to" type="date" defaultValue={value.to} min={earliest} max={today} required className={control} />
      </div>
      <div className="w-full space-y-1.5 sm:w-40">
        <label htmlFor="dashboard-wave" className={label}>
          Wave
        </label>
        <select id="dashboard-wave" name="wave" defaultValue={value.wave} className={`${control} pr-8`}>
          <option value="">All</option>
          {waveOptions.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </select>
      </div>
      <div className="w-full space-y-1.5 sm:w-48">
        <label htmlFor="dashboard-country" className={label}>
          Country
        </label>
        <select id="dashboard-country" name="country" defaultValue={value.country} className={`${control} pr-8`}>
          <option value="">All</option>
          {countryOptions.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-center gap-3">
        <button type="submit" className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
          Apply
        </button>
        <Link href={pathname} className="rounded px-1 text-sm font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800 dark:text-sky-400 dark:hover:text-sky-300">
          Reset
        </Link>
      </div>
    </form>
  );
}
