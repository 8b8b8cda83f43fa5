import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";

const control =
  "block w-full rounded-lg border bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30";

interface FieldProps {
  id: string;
  label: string;
  /** For a field whose row already says what it is (a table row): the label is read out, not shown. */
  hideLabel?: boolean;
  error?: string;
  hint?: ReactNode;
}

function FieldShell({ id, label, hideLabel, error, hint, children }: FieldProps & { children: ReactNode }) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className={hideLabel ? "sr-only" : "block text-sm font-medium text-slate-800"}>
        {label}
      </label>
      {children}
      {hint && !error && (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

function describedBy(id: string, error?: string, hint?: ReactNode) {
  return error ? `${id}-error` : hint ? `${id}-hint` : undefined;
}

export function TextField({ id, label, hideLabel, error, hint, className, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldShell id={id} label={label} hideLabel={hideLabel} error={error} hint={hint}>
      <input
        id={id}
        name={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        className={`${className ?? control} ${error ? "border-red-500" : "border-slate-300"}`}
        {...input}
      />
    </FieldShell>
  );
}

export function SelectField({
  id,
  label,
  hideLabel,
  error,
  hint,
  children,
  ...select
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <FieldShell id={id} label={label} hideLabel={hideLabel} error={error} hint={hint}>
      <select
        id={id}
        name={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        className={`${control} ${error ? "border-red-500" : "border-slate-300"}`}
        {...select}
      >
        {children}
      </select>
    </FieldShell>
  );
}

/** Monospaced, for a code typed from a message or app. */
export const codeInputClass =
  "block rounded-lg border bg-white px-3 py-2 font-mono text-lg shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30";

/** A six-digit code field: the numeric keypad on phones, and the code offered by the phone's autofill. */
export function CodeField(props: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <TextField
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9]*"
      maxLength={7}
      required
      {...props}
      className={`${codeInputClass} w-40 tracking-[0.3em]`}
    />
  );
}
