"use client";

import { lazy, Suspense } from "react";

// Only trusted, fully signed-in browsers mount the prompts (app/layout.tsx): their code loads there and nowhere else,
// instead of riding in every page's first load.
const DevicePrompts = lazy(() => import("./device-prompts").then((m) => ({ default: m.DevicePrompts })));

export function LazyDevicePrompts() {
  return (
    <Suspense fallback={null}>
      <DevicePrompts />
    </Suspense>
  );
}
