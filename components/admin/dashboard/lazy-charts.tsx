"use client";

import { lazy, Suspense, useEffect, useRef, useState, type ComponentProps, type ReactNode } from "react";
import type { AdoptionChart as Adoption } from "./adoption-chart";
import type { BarListChart as BarList } from "./bar-list-chart";
import { barListHeight, ChartFrame, ChartLegend } from "./chart-parts";
import type { EnrollmentsChart as Enrollments } from "./enrollments-chart";

// The chart library is most of the dashboard's JavaScript. The page renders each chart's frame — its size, its
// accessible label and its legend — at once, and loads and draws the chart itself only when it scrolls near the
// screen, so the figures and filters above are usable before any chart code has run.
const LazyAdoption = lazy(() => import("./adoption-chart").then((m) => ({ default: m.AdoptionChart })));
const LazyEnrollments = lazy(() => import("./enrollments-chart").then((m) => ({ default: m.EnrollmentsChart })));
const LazyBarList = lazy(() => import("./bar-list-chart").then((m) => ({ default: m.BarListChart })));

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

export function AdoptionChart(props: ComponentProps<typeof Adoption>) {
  const placeholder = <Frame label={props.label} legend={props.series} />;
  return (
    <WhenNearScreen placeholder={placeholder}>
      <LazyAdoption {...props} />
    </WhenNearScreen>
  );
}

export function EnrollmentsChart(props: ComponentProps<typeof Enrollments>) {
  const placeholder = <Frame label={props.label} legend={props.series} />;
  return (
    <WhenNearScreen placeholder={placeholder}>
      <LazyEnrollments {...props} />
    </WhenNearScreen>
  );
}

export function BarListChart(props: ComponentProps<typeof BarList>) {
  const placeholder = <Frame label={props.label} height={barListHeight(props.items.length)} />;
  return (
    <WhenNearScreen placeholder={placeholder}>
      <LazyBarList {...props} />
    </WhenNearScreen>
  );
}
