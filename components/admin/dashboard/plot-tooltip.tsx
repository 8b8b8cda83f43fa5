"use client";

import { useState, type KeyboardEvent, type PointerEvent } from "react";
import { figuresAt, fractionOf, indexAfterKey, indexAt, spokenFigures, type PlotLayout, type TooltipData } from "./plot-tooltip-model";

export interface PlotTooltipProps extends TooltipData {
  /** The slider's name, e.g. "Day since launch". */
  label: string;
  layout: PlotLayout;
  /** Where the plot area sits in its chart frame (it ends 12 px from the right, at the top). */
  plot: { left: number; bottom: number };
}

const percent = (fraction: number) => `${fraction * 100}%`;

/**
 * One layer over a server-drawn plot that shows the figures of the day (or bar) under the pointer, under a finger
 * (tap or drag sideways; vertical drags still scroll) or chosen with the arrow keys. It is a slider whose spoken
 * value is those figures, so the visible box is hidden from assistive technology rather than read twice. It draws
 * nothing until used: the figures come from one compact array, not one element per day.
 */
export function PlotTooltip({ label, layout, plot, ...data }: PlotTooltipProps) {
  const count = data.values.length;
  const [chosen, setChosen] = useState(count - 1);
  const [shown, setShown] = useState(false);
  if (count === 0) return null;

  // A live refresh may bring fewer positions than were there when one was chosen.
  const index = Math.min(chosen, count - 1);
  const figures = figuresAt(index, data);
  const at = fractionOf(index, count, layout);

  function follow(event: PointerEvent<HTMLDivElement>) {
    const box = event.currentTarget.getBoundingClientRect();
    setChosen(indexAt((event.clientX - box.left) / box.width, count, layout));
    setShown(true);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === "Escape") {
      setShown(false);
      return;
    }
    const next = indexAfterKey(event.key, index, count);
    if (next === null) return;
    event.preventDefault();
    setChosen(next);
    setShown(true);
  }

  return (
    <div
      role="slider"
      tabIndex={0}
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={count - 1}
      aria-valuenow={index}
      aria-valuetext={spokenFigures(figures)}
      className="absolute right-3 top-0 cursor-crosshair touch-pan-y rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 dark:focus-visible:outline-sky-400"
      style={{ left: plot.left, bottom: plot.bottom }}
      onPointerDown={follow}
      onPointerMove={follow}
      // A finger lifting "leaves" too; its tooltip stays until the next touch elsewhere (blur).
      onPointerLeave={(event) => event.pointerType === "mouse" && setShown(false)}
      onFocus={() => setShown(true)}
      onBlur={() => setShown(false)}
      onKeyDown={onKeyDown}
    >
      {shown && (
        <>
          <div
            aria-hidden="true"
            className={`pointer-events-none absolute inset-y-0 ${layout.kind === "bands" ? "bg-slate-400/25" : "w-px bg-slate-500 dark:bg-slate-400"}`}
            style={layout.kind === "bands" ? { left: percent(index / count), width: percent(1 / count) } : { left: percent(at) }}
          />
          <div
            aria-hidden="true"
            data-testid="plot-tooltip"
            className="pointer-events-none absolute top-2 z-10 w-max max-w-60 rounded-lg bg-white px-3 py-2 text-xs text-slate-700 shadow-lg ring-1 ring-slate-200 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600"
            // Beside the position, on whichever side has more room.
            style={at > 0.5 ? { right: `calc(${percent(1 - at)} + 8px)` } : { left: `calc(${percent(at)} + 8px)` }}
          >
            <p className="font-semibold text-slate-900 dark:text-slate-50">{figures.heading}</p>
            <ul className="mt-1 space-y-0.5">
              {figures.lines.map((line) => (
                <li key={line.name} className="flex items-center gap-1.5">
                  <span className="h-2.5 w-2.5 shrink-0 rounded-sm" style={{ background: line.colour }} />
                  {line.name}
                  <span className="ml-auto pl-3 font-medium tabular-nums text-slate-900 dark:text-slate-50">{line.figure}</span>
                </li>
              ))}
              {figures.total !== null && (
                <li className="flex border-t border-slate-200 pt-0.5 font-semibold text-slate-900 dark:border-slate-600 dark:text-slate-50">
                  Total<span className="ml-auto pl-3 tabular-nums">{figures.total}</span>
                </li>
              )}
            </ul>
          </div>
        </>
      )}
    </div>
  );
}
