/** Shared look of the toolbar's inputs and selects (matches components/ui/field.tsx). */
export const controlClass =
  "block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-500 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30";

export const labelClass = "block text-sm font-medium text-slate-800";
