"use client";

import { useEffect, useRef } from "react";

/**
 * Runs once after hydration with the element the person may already have used: a box ticked, a choice picked or
 * text typed before the page's script ran (a slow phone or network) raised no event React heard, so state would
 * show and submit the server's defaults instead. `adopt` reads the controls and sets state from them; it may return
 * a cleanup.
 */
export function useFieldsAsLeft<T extends HTMLElement>(adopt: (element: T) => void | (() => void)) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (ref.current) return adopt(ref.current);
    // Only the first render can have missed an edit; later ones arrive as events.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return ref;
}
