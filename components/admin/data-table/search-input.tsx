"use client";

import { controlClass, labelClass } from "./controls";
import { useValueTypedEarly } from "./use-value-typed-early";

export function SearchInput({
  id,
  value,
  onChange,
  placeholder,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
}) {
  const ref = useValueTypedEarly<HTMLInputElement>(value, onChange);
  return (
    <div className="w-full space-y-1.5 sm:w-64">
      <label htmlFor={id} className={labelClass}>
        Search
      </label>
      <input
        ref={ref}
        id={id}
        type="search"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        className={controlClass}
      />
    </div>
  );
}
