/** What a server action returns to its form: message keys per field and the non-secret values to put back. */
export interface FormState {
  errors?: Record<string, string | undefined>;
  values?: Record<string, string>;
  message?: { key: string; values?: Record<string, string> };
}

/** Non-secret fields of a submitted form, trimmed to a sane size so a huge value is not echoed back. */
export function keepValues(formData: FormData, fields: string[]): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f, String(formData.get(f) ?? "").slice(0, 300)]));
}
