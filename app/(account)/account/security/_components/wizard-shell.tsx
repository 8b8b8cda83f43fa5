import type { ReactNode } from "react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { EnrollmentStep } from "@/lib/two-step/enrollment/steps";
import { WizardProgress } from "./wizard-progress";

/** The frame of every wizard step: title, progress, the step's card, and a way out that keeps progress. */
export async function WizardShell({
  step,
  reached,
  title,
  lead,
  started = true,
  children,
}: {
  step: EnrollmentStep;
  reached: EnrollmentStep;
  title: string;
  lead?: ReactNode;
  /** False before the password is confirmed: there is no progress to keep yet. */
  started?: boolean;
  children: ReactNode;
}) {
  const t = await getTranslations("enrollment");
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">{t("kicker")}</p>
        <h1 className="mt-1 text-2xl font-bold text-slate-900">{title}</h1>
        {lead && <p className="mt-2 text-slate-600">{lead}</p>}
      </div>
      <WizardProgress step={step} reached={reached} />
      <section className="rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">{children}</section>
      <p className="text-sm text-slate-600">
        <Link href="/account/security" className="inline-block py-1 font-medium text-brand-700 underline-offset-2 hover:underline">
          {started ? t("later") : t("notNow")}
        </Link>
      </p>
    </div>
  );
}
