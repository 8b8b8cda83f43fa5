import { barListHeight, ChartFrame } from "./chart-parts";
import { formatCount } from "./format";

// A full bar leaves this much of the row for the two gaps and the figure printed after it ("1,234 · 56%").
const LABEL_ROOM = "7.5rem";

export interface BarItem {
  name: string;
  value: number;
  /** Printed at the end of the bar, e.g. "12 · 40%". */
  label: string;
  colour: string;
}

/**
 * Horizontal bars with their figure printed at the end: method mix, challenge outcomes, SMS delivery by country.
 * `max` fixes the scale (100 for percentages); `unit` is added to the tooltip value.
 */
export function BarListChart({ items, label, max, unit = "", nameWidth = 112 }: { items: BarItem[]; label: string; max?: number; unit?: string; nameWidth?: number }) {
  const top = max ?? Math.max(0, ...items.map((i) => i.value));
  return (
    <ChartFrame label={label} height={barListHeight(items.length)}>
      <ul className="flex h-full flex-col justify-center gap-4">
        {items.map((item) => (
          <li key={item.name} className="flex items-center gap-2" title={`${item.name}: ${formatCount(item.value)}${unit}`}>
            <span className="shrink-0 truncate text-right" style={{ width: nameWidth }}>
              {item.name}
            </span>
            <span className="h-5 shrink-0 rounded-r" style={{ width: `calc((100% - ${nameWidth}px - ${LABEL_ROOM}) * ${top ? item.value / top : 0})`, minWidth: item.value ? 2 : 0, background: item.colour }} />
            <span className="whitespace-nowrap tabular-nums text-slate-700 dark:text-slate-200">{item.label}</span>
          </li>
        ))}
      </ul>
    </ChartFrame>
  );
}
