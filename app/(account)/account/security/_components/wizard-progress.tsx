import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { enrollmentSteps, stepIndex, stepPath, type EnrollmentStep } from "@/lib/two-step/enrollment/steps";

/** "Step 2 of 5" with every step named; steps already reached are links, so the owner can look back. */
export async function WizardProgress({ step, reached }: { step: EnrollmentStep; reached: EnrollmentStep }) {
  const t = await getTranslations("enrollment");
  const here = stepIndex(step);
  return (
    <nav aria-label={t("progressLabel")} className="space-y-3">
      <p className="text-sm font-medium text-slate-600">{t("stepOf", { step: here + 1, total: enrollmentSteps.length })}</p>
      <div className="h-1.5 overflow-hidden rounded-full bg-slate-200" aria-hidden>
        <div className="h-full rounded-full bg-brand-600 transition-all" style={{ width: `${((here + 1) / enrollmentSteps.length) * 100}%` }} />
      </div>
      <ol className="hidden gap-2 text-xs sm:grid sm:grid-cols-5">
        {enrollmentSteps.map((s, i) => {
          const state = i === here ? "current" : i <= stepIndex(reached) ? "reached" : "upcoming";
          const label = (
            <span className="flex items-center gap-2">
              <span
                className={`flex size-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold ${
                  state === "current" ? "bg-brand-600 text-white" : i < stepIndex(reached) ? "bg-emerald-100 text-emerald-800" : "bg-slate-200 text-slate-600"
                }`}
                aria-hidden
              >
                {i < stepIndex(reached) && state !== "current" ? "✓" : i + 1}
              </span>
              <span className={state === "current" ? "font-semibold text-slate-900" : "text-slate-600"}>{t(`steps.${s}`)}</span>
            </span>
          );
          return (
            <li key={s} aria-current={state === "current" ? "step" : undefined}>
              {state === "reached" ? (
                <Link href={stepPath(s)} className="rounded-md hover:underline">
                  {label}
                </Link>
              ) : (
                label
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
