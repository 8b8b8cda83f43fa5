"use client";

import type { ReactNode } from "react";

/** What the table says when nothing matches, with the way out right there. */
export function EmptyState({ message, onClear }: { message: ReactNode; onClear?: () => void }) {
  return (
    <div className="space-y-2">
      <p className="font-medium text-slate-800">{message}</p>
      {onClear && (
        <button
          type="button"
          onClick={onClear}
          className="rounded text-sm font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
        >
          Clear search and filters
        </button>
      )}
    </div>
  );
}
