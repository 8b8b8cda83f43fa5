"use client";

import { useEffect, useRef } from "react";

/**
 * The server-rendered control can be typed into (or chosen from) before the page's script has run, on a slow
 * phone or network. React then hydrates without an event, so the box shows the text while the table ignores it.
 * On mount, hand whatever the control already holds to onChange.
 */
export function useValueTypedEarly<T extends HTMLInputElement | HTMLSelectElement>(value: string, onChange: (value: string) => void) {
  const ref = useRef<T>(null);
  useEffect(() => {
    const early = ref.current?.value;
    if (early === undefined || early === value) return;
    // A task later, not now: the router's own mount effect, which runs after ours, is what makes it follow
    // history.replaceState; an address rewritten before that would change without the table noticing.
    const timer = setTimeout(() => onChange(early));
    return () => clearTimeout(timer);
    // Only the first render can miss an edit; later ones reach onChange as events.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return ref;
}
