"use client";

import { useEffect, useRef } from "react";

const draftKey = (id: string) => `stepwise:reason:${location.pathname}:${id}`;

/**
 * The reason or comment a staff action needs for the audit log; after a refusal it shows what was typed (`kept`).
 * It is also kept as a draft in this tab (sessionStorage) until the form is sent, and again after a refusal, so the
 * trip to "Confirm it's you" and back does not lose it. A reason is no secret.
 */
export function ReasonField({ id, label, kept }: { id: string; label: string; kept?: string }) {
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const textarea = field.current;
    if (!textarea) return;
    if (kept) sessionStorage.setItem(draftKey(id), kept);
    else if (!textarea.value) textarea.value = sessionStorage.getItem(draftKey(id)) ?? "";
    // Sent: a success moves on to another page, and a refusal hands the text back as `kept`.
    const forget = () => sessionStorage.removeItem(draftKey(id));
    textarea.form?.addEventListener("submit", forget);
    return () => textarea.form?.removeEventListener("submit", forget);
  }, [id, kept]);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <textarea
        ref={field}
        id={id}
        name="reason"
        rows={2}
        required
        aria-describedby={`${id}-hint`}
        minLength={3}
        maxLength={500}
        defaultValue={kept}
        onInput={(event) => sessionStorage.setItem(draftKey(id), event.currentTarget.value)}
        className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30"
      />
      <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
        Required, at least 3 characters: it goes into the audit log.
      </p>
    </div>
  );
}
