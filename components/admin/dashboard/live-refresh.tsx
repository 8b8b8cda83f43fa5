"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

const EVERY_MS = 4_000;
/** No fresh render for this long while visible and online means refreshing is failing. */
const STALE_MS = 15_000;

const hhmmss = (iso: string) => iso.slice(11, 19);

/**
 * Re-renders the server page every 4 s while the tab is visible (router.refresh keeps scroll, open <details>,
 * and what is typed in the filters), and right away when the tab comes back. Only problems are announced.
 */
export function LiveRefresh({ renderedAt }: { renderedAt: string }) {
  const router = useRouter();
  const [offline, setOffline] = useState(false);
  // The render that was still on screen when refreshing was judged to be failing; a newer one clears it.
  const [staleRender, setStaleRender] = useState<string | null>(null);

  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const stop = () => clearInterval(timer);
    const start = () => {
      stop();
      if (document.visibilityState !== "visible") return;
      timer = setInterval(() => router.refresh(), EVERY_MS);
    };
    const onVisibility = () => {
      if (document.visibilityState === "visible") router.refresh();
      start();
    };
    const onOnline = () => (setOffline(false), router.refresh());
    const onOffline = () => setOffline(true);
    start();
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("online", onOnline);
    window.addEventListener("offline", onOffline);
    return () => {
      stop();
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("online", onOnline);
      window.removeEventListener("offline", onOffline);
    };
  }, [router]);

  useEffect(() => {
    const timeout = setTimeout(() => {
      if (document.visibilityState === "visible") setStaleRender(renderedAt);
    }, STALE_MS);
    return () => clearTimeout(timeout);
  }, [renderedAt]);

  const problem = offline
    ? `Offline: figures as of ${hhmmss(renderedAt)} UTC. Updates resume when you reconnect.`
    : staleRender === renderedAt
      ? `Not updating: the server has not answered since ${hhmmss(renderedAt)} UTC. Still trying…`
      : "";

  return (
    <div className="flex items-center gap-2 text-sm">
      <span aria-hidden="true" className={`inline-block h-2 w-2 rounded-full ${problem ? "bg-amber-500" : "bg-emerald-500 motion-safe:animate-pulse"}`} />
      {!problem && (
        <p data-testid="live-status" className="text-slate-600 dark:text-slate-400">
          Live · updated <time dateTime={renderedAt}>{hhmmss(renderedAt)}</time> UTC
        </p>
      )}
      {/* Polite, and empty while all is well: each tick is not read out, a failure is. */}
      <p role="status" aria-live="polite" className="font-medium text-amber-800 dark:text-amber-300">
        {problem}
      </p>
    </div>
  );
}
