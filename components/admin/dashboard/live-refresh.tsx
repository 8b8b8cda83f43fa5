"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

const EVERY_MS = 4_000;
/** No answer from the server for this long while visible and online means updating is failing. */
const STALE_MS = 15_000;
/**
 * No key, pointer, wheel or touch in the tab for this long: the person has stepped away, and updates pause until they
 * are back. Each refresh re-renders the page, a request that counts as activity, so an open dashboard would otherwise
 * keep a staff session alive past its idle limit (lib/auth/session-limits.ts).
 */
const AWAY_MS = 5 * 60_000;
const inputEvents = ["pointerdown", "pointermove", "keydown", "wheel", "touchstart"] as const;

const hhmmss = (iso: string) => iso.slice(11, 19);

/**
 * Keeps the dashboard live without re-rendering it for nothing: every 4 s while the tab is visible (and at once
 * when it comes back) it asks the server for the dashboard's version — a few bytes — and refreshes the page
 * (router.refresh keeps scroll, open <details> and what is typed in the filters) only when that moved. It pauses
 * while the person is away (AWAY_MS). Only problems are announced.
 */
export function LiveRefresh({ renderedAt, version }: { renderedAt: string; version: string }) {
  const router = useRouter();
  const rendered = useRef(version);
  const [offline, setOffline] = useState(false);
  const [away, setAway] = useState(false);
  // When the server last confirmed the figures on screen are current, and when it last failed to answer.
  const [confirmedAt, setConfirmedAt] = useState(renderedAt);
  const [failedAt, setFailedAt] = useState<string | null>(null);

  // A fresh render is itself the confirmation (React's "adjust state when a prop changes" pattern).
  const [shownRender, setShownRender] = useState(renderedAt);
  if (shownRender !== renderedAt) {
    setShownRender(renderedAt);
    setConfirmedAt(renderedAt);
    setFailedAt(null);
  }
  useEffect(() => {
    rendered.current = version;
  }, [version]);

  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    let asking = false;
    let lastInputAt = Date.now();
    const isAway = () => Date.now() - lastInputAt >= AWAY_MS;
    const check = async () => {
      if (asking) return;
      if (isAway()) return setAway(true);
      asking = true;
      try {
        const response = await fetch("/api/admin/dashboard-version", { cache: "no-store" });
        // The session ended (idle or signed out elsewhere): the page's own guard sends it to sign in, and says why.
        if (response.status === 401) return router.refresh();
        if (!response.ok) throw new Error(String(response.status));
        const { version: latest } = (await response.json()) as { version: string };
        if (latest !== rendered.current) {
          rendered.current = latest;
          router.refresh();
        } else {
          setConfirmedAt(new Date().toISOString());
          setFailedAt(null);
        }
      } catch {
        setFailedAt(new Date().toISOString());
      } finally {
        asking = false;
      }
    };
    const stop = () => clearInterval(timer);
    const start = () => {
      stop();
      if (document.visibilityState !== "visible") return;
      timer = setInterval(check, EVERY_MS);
    };
    const comeBack = () => {
      lastInputAt = Date.now();
      setAway(false);
      void check();
    };
    const onInput = () => {
      if (isAway()) comeBack();
      else lastInputAt = Date.now();
    };
    const onVisibility = () => {
      // Coming back to the tab is coming back.
      if (document.visibilityState === "visible") comeBack();
      start();
    };
    const onOnline = () => (setOffline(false), void check());
    const onOffline = () => setOffline(true);
    start();
    for (const type of inputEvents) window.addEventListener(type, onInput, { passive: true });
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("online", onOnline);
    window.addEventListener("offline", onOffline);
    return () => {
      stop();
      for (const type of inputEvents) window.removeEventListener(type, onInput);
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("online", onOnline);
      window.removeEventListener("offline", onOffline);
    };
  }, [router]);

  const stale = failedAt !== null && Date.parse(failedAt) - Date.parse(confirmedAt) >= STALE_MS;
  const problem = offline
    ? `Offline: figures as of ${hhmmss(confirmedAt)} UTC. Updates resume when you reconnect.`
    : stale
      ? `Not updating: the server has not answered since ${hhmmss(confirmedAt)} UTC. Still trying…`
      : "";

  return (
    <div className="flex items-center gap-2 text-sm">
      <span aria-hidden="true" className={`inline-block h-2 w-2 rounded-full ${problem ? "bg-amber-500" : away ? "bg-slate-400" : "bg-emerald-500 motion-safe:animate-pulse"}`} />
      {!problem && (
        <p data-testid="live-status" className="text-slate-600 dark:text-slate-400">
          {away ? "Paused while you're away · figures as of " : "Live · updated "}
          <time dateTime={confirmedAt}>{hhmmss(confirmedAt)}</time> UTC
        </p>
      )}
      {/* Polite, and empty while all is well: each tick is not read out, a failure is. */}
      <p role="status" aria-live="polite" className="font-medium text-amber-800 dark:text-amber-300">
        {problem}
      </p>
    </div>
  );
}
