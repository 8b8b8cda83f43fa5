"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

/** Re-renders the server page every `intervalMs` so new messages appear without a reload; can be paused. */
export function AutoRefresh({ intervalMs = 2_000 }: { intervalMs?: number }) {
  const router = useRouter();
  const [on, setOn] = useState(true);

  useEffect(() => {
    if (!on) return;
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, intervalMs);
    return () => clearInterval(timer);
  }, [on, intervalMs, router]);

  return (
    <label className="inline-flex cursor-pointer items-center gap-2 text-sm text-slate-600">
      <input type="checkbox" checked={on} onChange={(e) => setOn(e.target.checked)} className="size-4 accent-brand-600" />
      Refresh every {intervalMs / 1000} s
    </label>
  );
}
