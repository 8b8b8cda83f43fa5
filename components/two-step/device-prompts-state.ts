"use client";

import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { DevicePrompt } from "@/lib/two-step/push/list-device-prompts";

/**
 * Polls /api/device-prompts: every `pollMs` while this browser is a trusted receiver, every `idlePollMs` after a
 * 404 (not trusted, or not fully signed in), and at once when the tab becomes visible again (hidden tabs' timers
 * are throttled by the browser). Measured in bench/device-prompts: ~1 s polling keeps the delay well under 2 s.
 */
export function useDevicePrompts({ enabled, pollMs, idlePollMs }: { enabled: boolean; pollMs: number; idlePollMs: number }) {
  const [prompts, setPrompts] = useState<DevicePrompt[]>([]);
  const pollNow = useRef<() => void>(() => {});

  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let inFlight: AbortController | null = null;
    let last = "";

    const show = (body: string) => {
      if (body === last) return;
      last = body;
      setPrompts((JSON.parse(body) as { prompts: DevicePrompt[] }).prompts);
    };

    const poll = async () => {
      clearTimeout(timer);
      inFlight?.abort();
      const controller = (inFlight = new AbortController());
      let delay = pollMs;
      try {
        const response = await fetch("/api/device-prompts", { cache: "no-store", signal: controller.signal });
        if (response.status === 404) {
          show('{"prompts":[]}');
          delay = idlePollMs;
        } else if (response.ok) {
          show(await response.text());
        } else {
          delay = Math.min(idlePollMs, pollMs * 5);
        }
      } catch {
        if (controller.signal.aborted) return;
        delay = Math.min(idlePollMs, pollMs * 5);
      }
      if (!stopped && inFlight === controller) timer = setTimeout(poll, delay);
    };

    const wake = () => {
      if (document.visibilityState === "visible") void poll();
    };
    pollNow.current = () => void poll();
    void poll();
    document.addEventListener("visibilitychange", wake);
    window.addEventListener("focus", wake);
    return () => {
      stopped = true;
      clearTimeout(timer);
      inFlight?.abort();
      pollNow.current = () => {};
      document.removeEventListener("visibilitychange", wake);
      window.removeEventListener("focus", wake);
    };
  }, [enabled, pollMs, idlePollMs]);

  const refresh = useCallback(() => pollNow.current(), []);
  return { prompts: enabled ? prompts : [], refresh };
}

const dismissedKey = "stepwise:dismissed-prompts";

/** Prompts closed with "Done" stay closed on this tab, across navigations and reloads. */
export function useDismissedPrompts() {
  // Read once on the client; nothing rendered before the first poll depends on it, so hydration agrees.
  const [dismissed, setDismissed] = useState<Set<string>>(readDismissed);
  const dismiss = useCallback((id: string) => {
    setDismissed((previous) => {
      const next = new Set(previous).add(id);
      try {
        sessionStorage.setItem(dismissedKey, JSON.stringify([...next].slice(-20)));
      } catch {
        // Private mode without storage: the prompt stays dismissed until the page reloads.
      }
      return next;
    });
  }, []);
  return { dismissed, dismiss };
}

function readDismissed(): Set<string> {
  try {
    const stored = typeof sessionStorage === "undefined" ? [] : (JSON.parse(sessionStorage.getItem(dismissedKey) ?? "[]") as unknown);
    return new Set(Array.isArray(stored) ? stored.filter((v): v is string => typeof v === "string") : []);
  } catch {
    // Storage unavailable or corrupt: nothing was dismissed.
    return new Set();
  }
}

// Mounted twice (the layout and a page), only the first instance polls and shows prompts.
const instances: symbol[] = [];
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export function usePrimaryInstance() {
  const [me] = useState(() => Symbol("device-prompts"));
  useEffect(() => {
    instances.push(me);
    notify();
    return () => {
      instances.splice(instances.indexOf(me), 1);
      notify();
    };
  }, [me]);
  return useSyncExternalStore(
    subscribe,
    () => instances[0] === me,
    () => false,
  );
}
