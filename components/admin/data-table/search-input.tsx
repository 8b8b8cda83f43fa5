"use client";

import { controlClass, labelClass } from "./controls";

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
  return (
    <div className="w-full space-y-1.5 sm:w-64">
      <label htmlFor={id} className={labelClass}>
        Search
      </label>
      <input
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
