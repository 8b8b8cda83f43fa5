import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { CheckItem } from "@/app/(account)/account/security-checkup";
import { fixLinks } from "@/app/(account)/account/security-checkup";
import { pillClass } from "@/components/ui/pill";

export interface RecentSignIn {
  id: string;
  browser: string;
  place: string;
  when: string;
  state: "current" | "active" | "ended" | "incomplete";
}

const tones = {
  ok: { ring: "bg-emerald-100 text-emerald-700", path: "M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.6l7.3-7.3a1 1 0 0 1 1.4 0Z" },
  fix: { ring: "bg-amber-100 text-amber-800", path: "M10 3a1 1 0 0 1 1 1v7a1 1 0 1 1-2 0V4a1 1 0 0 1 1-1Zm0 13.5a1.25 1.25 0 1 0 0-2.5 1.25 1.25 0 0 0 0 2.5Z" },
  unavailable: { ring: "bg-slate-100 text-slate-600", path: "M4 10a1 1 0 0 1 1-1h10a1 1 0 1 1 0 2H5a1 1 0 0 1-1-1Z" },
} as const;

/** "Is your account secure?": each check says where it stands and links straight to its fix. */
export async function SecurityCheckup({
  items,
  passed,
  total,
  values,
  signIns,
}: {
  items: CheckItem[];
  passed: number;
  /** Checks that apply now (see assessAccountSecurity); none where 2SV has not launched, and then no score. */
  total: number;
  values: { country: string; count: number };
  signIns: RecentSignIn[];
}) {
  const t = await getTranslations("checkup");
  // One strong button, on the first thing to do: the later fixes often follow from it (2SV brings the key).
  const firstFix = items.find((item) => item.status === "fix")?.id;
  const link = "inline-flex items-center rounded-lg px-3 py-1.5 text-sm font-medium ring-1 transition-colors";
  return (
    <section aria-labelledby="checkup-title" className="rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="checkup-title" className="text-lg font-semibold text-slate-900">{t("title")}</h2>
          <p className="mt-1 text-sm text-slate-600">
            <span className="font-medium text-slate-800">{t("question")}</span> {t("lead")}
          </p>
        </div>
        {total > 0 && (
          <p className="rounded-full bg-slate-100 px-3 py-1 text-sm font-semibold text-slate-800" data-testid="checkup-score">
            {t("score", { passed, total })}
          </p>
        )}
      </div>
      <ul className="mt-4 divide-y divide-slate-100" aria-label={t("listLabel")}>
        {items.map((item) => {
          const key = `${item.id}.${item.status}` as const;
          return (
            <li key={item.id} className="flex flex-wrap items-start gap-x-3 gap-y-2 py-3 sm:items-center" data-status={item.status}>
              <span aria-hidden className={`grid size-7 shrink-0 place-items-center rounded-full ${tones[item.status].ring}`}>
                <svg viewBox="0 0 20 20" fill="currentColor" className="size-4">
                  <path fillRule="evenodd" clipRule="evenodd" d={tones[item.status].path} />
                </svg>
              </span>
              <div className="min-w-0 flex-[1_1_14rem]">
                <p className="font-medium text-slate-900">
                  <span className="sr-only">{t(`status.${item.status}`)}: </span>
                  <span>{t(`${key}.title`, values)}</span>
                </p>
                <p className="text-sm text-slate-600">{t(`${key}.detail`, values)}</p>
              </div>
              {item.status !== "ok" && (
                <Link
                  href={item.href}
                  className={`${link} ml-10 sm:ml-0 ${item.id === firstFix ? "bg-brand-600 text-white ring-brand-600 hover:bg-brand-700" : "bg-white text-slate-800 ring-slate-300 hover:bg-slate-50"}`}
                >
                  {t(`${key}.action`, values)}
                </Link>
              )}
            </li>
          );
        })}
        <li className="flex flex-wrap items-start gap-x-3 gap-y-2 py-3">
          <span aria-hidden className="grid size-7 shrink-0 place-items-center rounded-full bg-brand-100 text-brand-700">
            <svg viewBox="0 0 20 20" fill="currentColor" className="size-4">
              <path fillRule="evenodd" clipRule="evenodd" d="M10 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16Zm1 4a1 1 0 1 0-2 0v4a1 1 0 0 0 .3.7l2.5 2.5a1 1 0 0 0 1.4-1.4L11 9.6V6Z" />
            </svg>
          </span>
          <div className="min-w-0 flex-[1_1_14rem]">
            <p className="font-medium text-slate-900">{t("signIns.title")}</p>
            <p className="text-sm text-slate-600">{t("signIns.detail")}</p>
            {signIns.length > 0 && (
              <ul className="mt-2 space-y-1 text-sm" aria-label={t("signIns.title")}>
                {signIns.map((s) => (
                  <li key={s.id} className="flex flex-wrap items-center gap-x-2 text-slate-700">
                    <span className="font-medium text-slate-900">{s.browser}</span>
                    <span aria-hidden>·</span>
                    <span>{s.place}</span>
                    <span aria-hidden>·</span>
                    <span>{s.when}</span>
                    {s.state !== "active" && (
                      <span
                        className={pillClass(
                          s.state === "incomplete" ? "bg-amber-100 text-amber-900" : s.state === "current" ? "bg-emerald-100 text-emerald-800" : "bg-slate-100 text-slate-700",
                        )}
                      >
                        {t(`signIns.${s.state}`)}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </div>
          <Link href={fixLinks.signIns} className={`${link} ml-10 sm:ml-0 bg-white text-slate-800 ring-slate-300 hover:bg-slate-50`}>
            {t("signIns.action")}
          </Link>
        </li>
      </ul>
    </section>
  );
}
