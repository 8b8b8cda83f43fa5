import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { currentSession, isStaff } from "@/lib/auth/current-user";

export default async function Forbidden() {
  const t = await getTranslations("forbidden");
  // Staff refused a page their role does not reach are staff all the same: say it is the role, and lead back to the console.
  const user = (await currentSession())?.user;
  const staff = user && isStaff(user.role) && user.twoStepEnabledAt ? user.role : null;
  return (
    <div className="mx-auto max-w-lg space-y-4 py-12 text-center">
      <p className="text-sm font-semibold text-brand-700">403</p>
      <h1 className="text-2xl font-bold text-slate-900">{t("title")}</h1>
      <p className="text-slate-600">{staff ? t("staffBody", { role: staff }) : t("body")}</p>
      <Link href={staff ? "/admin" : "/account"} className={buttonClass("secondary")}>{staff ? t("staffBack") : t("back")}</Link>
    </div>
  );
}
