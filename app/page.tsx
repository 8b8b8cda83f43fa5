import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { currentSession } from "@/lib/auth/current-user";

export default async function HomePage() {
  const t = await getTranslations("home");
  const current = await currentSession();
  const points = [1, 2, 3] as const;
  return (
    <div className="space-y-12">
      <section className="max-w-2xl space-y-5">
        <h1 className="text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl">{t("title")}</h1>
        <p className="text-lg leading-relaxed text-slate-700">{t("lead")}</p>
        <div className="flex flex-wrap gap-3">
          {current ? (
            <Link href="/account" className={buttonClass("primary", "px-5 py-2.5 text-base")}>{t("goToAccount")}</Link>
          ) : (
            <Link href="/sign-up" className={buttonClass("primary", "px-5 py-2.5 text-base")}>{t("getStarted")}</Link>
          )}
        </div>
      </section>
      <ul className="grid gap-4 sm:grid-cols-3">
        {points.map((n) => (
          <li key={n} className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
            <h2 className="font-semibold text-slate-900">{t(`point${n}Title`)}</h2>
            <p className="mt-2 text-sm leading-relaxed text-slate-700">{t(`point${n}`)}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
