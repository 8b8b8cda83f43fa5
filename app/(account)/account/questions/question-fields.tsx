"use client";

import { useTranslations } from "next-intl";
import { SelectField, TextField } from "@/components/ui/field";
import { questionFields } from "@/lib/two-step/enrollment/parse-security-questions";
import { questionKeys } from "@/lib/security-questions/questions";

/** Three question + answer pairs. Chosen questions come back after an error; answers (secrets) never do. */
export function QuestionFields({ values = {}, errors = {} }: { values?: Record<string, string>; errors?: Record<string, string | undefined> }) {
  const t = useTranslations("questionsForm");
  const q = useTranslations("questions");
  const error = (field: string) => (errors[field] ? t(`errors.${errors[field]}` as "errors.answerRequired") : undefined);
  return (
    <div className="space-y-6">
      {questionFields.map((n) => (
        <fieldset key={n} className="space-y-3 rounded-xl border border-slate-200 p-4">
          <legend className="px-1 text-sm font-semibold text-slate-900">{t("legend", { n })}</legend>
          <SelectField id={`question${n}`} label={t("question", { n })} defaultValue={values[`question${n}`] ?? ""} key={values[`question${n}`] ?? ""} error={error(`question${n}`)}>
            <option value="">{t("choose")}</option>
            {questionKeys.map((k) => (
              <option key={k} value={k}>
                {q(k)}
              </option>
            ))}
          </SelectField>
          <TextField id={`answer${n}`} label={t("answer", { n })} autoComplete="off" spellCheck={false} maxLength={100} error={error(`answer${n}`)} />
        </fieldset>
      ))}
      <p className="text-xs text-slate-600">{t("hint")}</p>
    </div>
  );
}
