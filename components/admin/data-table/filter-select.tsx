"use client";

import { controlClass, labelClass } from "./controls";
import { useValueTypedEarly } from "./use-value-typed-early";

export interface FilterOption {
  value: string;
  label: string;
}

/** One exact-match column filter. An empty value means "all". */
export function FilterSelect({
  id,
  label,
  value,
  options,
  onChange,
  allLabel = "All",
}: {
  id: string;
  label: string;
  value: string;
  options: readonly FilterOption[];
  onChange: (value: string) => void;
  allLabel?: string;
}) {
  const ref = useValueTypedEarly<HTMLSelectElement>(value, onChange);
  // A link may carry a value the data no longer has; show it rather than pretend "All" is selected.
  const known = !value || options.some((o) => o.value === value);
  return (
    <div className="w-full min-w-36 space-y-1.5 sm:w-auto sm:max-w-60">
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <select ref={ref} id={id} value={value} onChange={(e) => onChange(e.target.value)} className={`${controlClass} pr-8`}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {!known && <option value={value}>{value}</option>}
      </select>
    </div>
  );
}
