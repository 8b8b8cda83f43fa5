import type { ReactNode } from "react";

/** Search, filters and actions above a table; wraps onto several lines on narrow screens. */
export function Toolbar({ children, actions }: { children: ReactNode; actions?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <div className="flex w-full flex-wrap items-end gap-3 sm:w-auto">{children}</div>
      {actions && <div className="flex flex-wrap items-end gap-2">{actions}</div>}
    </div>
  );
}
