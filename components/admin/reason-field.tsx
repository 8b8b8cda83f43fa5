"use client";

import { useStaffDraft } from "./use-staff-draft";

/**
 * The reason or comment a staff action needs for the audit log; after a refusal it shows what was typed (`kept`),
 * and it survives the trip to "Confirm it's you" as a draft (useStaffDraft).
 */
export function ReasonField({ id, label, kept }: { id: string; label: string; kept?: string }) {
  useStaffDraft(id, kept);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <textarea
        id={id}
        name="reason"
        rows={2}
        required
        aria-describedby={`${id}-hint`}
        minLength={3}
        maxLength={500}
        defaultValue={kept}
        className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30"
      />
      <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
        Required, at least 3 characters: it goes into the audit log.
      </p>
    </div>
  );
}
