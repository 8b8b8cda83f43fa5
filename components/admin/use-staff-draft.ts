"use client";

import { useEffect } from "react";

/**
 * Keeps what is typed into the field `id` of a staff form as a draft in this tab (sessionStorage) until its form is
 * sent, so the trip to "Confirm it's you" and back does not lose it; after a refusal the form shows the value again
 * (`kept`), which becomes the draft. Only for what is no secret: reasons, roles, account emails.
 */
export function useStaffDraft(id: string | null, kept?: string) {
  useEffect(() => {
    const field = id ? (document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null) : null;
    if (!field) return;
    const key = `stepwise:draft:${location.pathname}:${id}`;
    if (kept) sessionStorage.setItem(key, kept);
    else {
      const draft = sessionStorage.getItem(key);
      // A select always has a value: its draft wins over the default; a text field keeps anything typed already.
      if (draft !== null && (field instanceof HTMLSelectElement || !field.value)) field.value = draft;
    }
    const save = () => sessionStorage.setItem(key, field.value);
    // Sent: a success moves on, and a refusal hands the value back as `kept`.
    const forget = () => sessionStorage.removeItem(key);
    const form = field.form;
    field.addEventListener("input", save);
    field.addEventListener("change", save);
    form?.addEventListener("submit", forget);
    return () => {
      field.removeEventListener("input", save);
      field.removeEventListener("change", save);
      form?.removeEventListener("submit", forget);
    };
  }, [id, kept]);
}
