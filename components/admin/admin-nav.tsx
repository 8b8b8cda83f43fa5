"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const items = [
  { href: "/admin", label: "Dashboard" },
  { href: "/admin/regions", label: "Regions" },
  { href: "/admin/waves", label: "Waves" },
  { href: "/admin/audit", label: "Audit" },
  { href: "/admin/staff", label: "Staff" },
] as const;

/** `waiting`: what waits for this admin's approval, by page: launches beside "Waves", role requests beside "Staff". */
export function AdminNav({ waiting = {} }: { waiting?: Partial<Record<(typeof items)[number]["href"], number>> }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin">
      <ul className="flex flex-wrap gap-1 md:flex-col">
        {items.map((item) => {
          const active = item.href === "/admin" ? pathname === "/admin" : pathname.startsWith(item.href);
          const count = waiting[item.href] ?? 0;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={`block rounded-md px-3 py-2 text-sm font-medium ${active ? "bg-brand-50 text-brand-800" : "text-slate-700 hover:bg-slate-100"}`}
              >
                {item.label}
                {count > 0 && (
                  <>
                    <span aria-hidden="true" className="ml-2 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 ring-1 ring-inset ring-amber-300">
                      {count}
                    </span>
                    <span className="sr-only">({count === 1 ? "1 waits" : `${count} wait`} for your approval)</span>
                  </>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
