import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/current-user";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("profileChange");
  return { title: t("title") };
}

/** Name, email and password, each with its change page (every one of them asks for a fresh step-up first). */
export default async function ProfilePage() {
  const { user } = await requireUser("/account/profile");
  const [t, format] = await Promise.all([getTranslations("profileChange"), getFormatter()]);
  const rows = [
    { term: t("name"), value: user.name, href: "/account/profile/name", label: t("changeName") },
    { term: t("email"), value: user.email, href: "/account/profile/email", label: t("changeEmail") },
    {
      term: t("password"),
      value: user.passwordChangedAt ? t("passwordChanged", { date: format.dateTime(user.passwordChangedAt, { dateStyle: "long" }) }) : t("passwordNeverChanged"),
      href: "/account/password",
      label: t("changePassword"),
    },
  ];
  return (
    <div className="mx-auto max-w-2xl">
      <Link href="/account" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
        {t("back")}
      </Link>
      <h1 className="mt-2 text-2xl font-bold text-slate-900">{t("title")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("lead")}</p>
      <section className="mt-6 rounded-2xl bg-white shadow-sm ring-1 ring-slate-200">
        <dl className="divide-y divide-slate-100">
          {rows.map((row) => (
            // A <dl> group holds only <dt>/<dd>: the change link is the row's second <dd>, beside the value.
            <div key={row.href} className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-3 px-6 py-4">
              <dt className="text-sm text-slate-600">{row.term}</dt>
              <dd className="col-start-1 font-medium text-slate-900 wrap-anywhere">{row.value}</dd>
              <dd className="col-start-2 row-span-2 row-start-1">
                <Link href={row.href} className="rounded-lg px-3 py-2 text-sm font-medium text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50">
                  {row.label}
                </Link>
              </dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
