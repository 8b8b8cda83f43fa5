"use client";

import { useFieldsAsLeft } from "@/components/ui/use-fields-as-left";
import { controlClass, labelClass } from "./controls";
import type { DayRange } from "./use-url-table-state";
import { handOverOnceRouterListens } from "./use-value-typed-early";

/** Two inclusive UTC days ("From", "To"); either may be empty. */
export function DateRangeFilter({ id, value, onChange }: { id: string; value: DayRange; onChange: (value: DayRange) => void }) {
  // Days picked before the page's script ran.
  const fields = useFieldsAsLeft<HTMLFieldSetElement>((fieldset) => {
    const [from, to] = [`${id}-from`, `${id}-to`].map((field) => fieldset.querySelector<HTMLInputElement>(`#${field}`)?.value || undefined);
    if (from !== value.from || to !== value.to) return handOverOnceRouterListens(() => onChange({ from, to }));
  });
  return (
    <fieldset ref={fields} className="flex w-full flex-wrap gap-3 sm:w-auto">
      <legend className="sr-only">Date range (UTC)</legend>
      <div className="min-w-36 flex-1 space-y-1.5">
        <label htmlFor={`${id}-from`} className={labelClass}>
          From
        </label>
        <input
          id={`${id}-from`}
          type="date"
          value={value.from ?? ""}
          max={value.to}
          onChange={(e) => onChange({ ...value, from: e.target.value || undefined })}
          className={controlClass}
        />
      </div>
      <div className="min-w-36 flex-1 space-y-1.5">
        <label htmlFor={`${id}-to`} className={labelClass}>
          To
        </label>
        <input
          id={`${id}-to`}
          type="date"
          value={value.to ?? ""}
          min={value.from}
          onChange={(e) => onChange({ ...value, to: e.target.value || undefined })}
          className={controlClass}
        />
      </div>
    </fieldset>
  );
}
