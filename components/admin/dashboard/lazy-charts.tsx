"use client";

import { lazy, Suspense, useEffect, useRef, useState, type ComponentProps, type ComponentType, type ReactNode } from "react";
import type { AdoptionChart as Adoption } from "./adoption-chart";
import type { BarListChart as BarList } from "./bar-list-chart";
import { barListHeight, ChartFrame, ChartLegend } from "./chart-parts";
import type { EnrollmentsChart as Enrollments } from "./enrollments-chart";

// The chart library is most of the dashboard's JavaScript. The page renders each chart's frame — its size, its
// accessible label and its legend — at once, and loads and draws the chart itself only when it scrolls near the
// screen, so the figures and filters above are usable before any chart code has run.

/** Renders `children` once the placeholder comes within 200 px of the viewport; the placeholder until then. */
function WhenNearScreen({ placeholder, children }: { placeholder: ReactNode; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const observer = new IntersectionObserver(([entry]) => entry?.isIntersecting && setNear(true), { rootMargin: "200px" });
    if (ref.current) observer.observe(ref.current);
    return () => observer.disconnect();
  }, []);
  if (near) return <Suspense fallback={placeholder}>{children}</Suspense>;
  return <div ref={ref}>{placeholder}</div>;
}

function Frame({ label, height, legend }: { label: string; height?: number; legend?: ComponentProps<typeof ChartLegend>["series"] }) {
  return (
    <>
      <ChartFrame label={label} height={height}>
        <div className="h-full w-full rounded-xl bg-slate-100 motion-safe:animate-pulse dark:bg-slate-800" />
      </ChartFrame>
      {legend && <ChartLegend series={legend} />}
    </>
  );
}

/** A chart component that shows `placeholder(props)` until it is near the screen and its code has loaded. */
function nearScreenChart<P extends object>(load: () => Promise<ComponentType<P>>, placeholder: (props: P) => ReactNode) {
  const Chart = lazy(() => load().then((component) => ({ default: component })));
  return function NearScreenChart(props: P) {
    return (
      <WhenNearScreen placeholder={placeholder(props)}>
        <Chart {...props} />
      </WhenNearScreen>
    );
  };
}

export const AdoptionChart = nearScreenChart<ComponentProps<typeof Adoption>>(
  () => import("./adoption-chart").then((m) => m.AdoptionChart),
  (p) => <Frame label={p.label} legend={p.series} />,
);
export const EnrollmentsChart = nearScreenChart<ComponentProps<typeof Enrollments>>(
  () => import("./enrollments-chart").then((m) => m.EnrollmentsChart),
  (p) => <Frame label={p.label} legend={p.series} />,
);
export const BarListChart = nearScreenChart<ComponentProps<typeof BarList>>(
  () => import("./bar-list-chart").then((m) => m.BarListChart),
  (p) => <Frame label={p.label} height={barListHeight(p.items.length)} />,
);
