"use client";

import { useFieldsAsLeft } from "@/components/ui/use-fields-as-left";

/**
 * Hands a table control's early value to its onChange a task later, not now: the router's own mount effect, which
 * runs after ours, is what makes it follow history.replaceState; an address rewritten before that would change
 * without the table noticing. Returns the cleanup.
 */
export function handOverOnceRouterListens(handOver: () => void) {
  const timer = setTimeout(handOver);
  return () => clearTimeout(timer);
}

/** A table control's value as the person left it before hydration (useFieldsAsLeft), handed to onChange. */
export function useValueTypedEarly<T extends HTMLInputElement | HTMLSelectElement>(value: string, onChange: (value: string) => void) {
  return useFieldsAsLeft<T>((control) => {
    const early = control.value;
    if (early !== value) return handOverOnceRouterListens(() => onChange(early));
  });
}
