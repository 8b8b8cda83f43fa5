"use client";

import type { ColumnFiltersState, ColumnSort, PaginationState, SortingState } from "@tanstack/react-table";
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { PAGE_SIZE } from "./features";

export interface UrlTableConfig {
  /** Column ids a `sort=` param may name; anything else falls back to `defaultSort`. */
  sortable: readonly string[];
  defaultSort: ColumnSort;
  /** Column ids filtered by one exact-match param each, named after the column (`status=ramping`). */
  filters: readonly string[];
  /** A column filtered by an inclusive range of UTC days, kept as two params (`from=2013-03-01&to=2013-03-31`). */
  dateRange?: { column: string; from: string; to: string };
  /** Rows per page; PAGE_SIZE unless a table is denser (more cells per row) or shares its page with much else. */
  pageSize?: number;
}

export interface DayRange {
  from?: string;
  to?: string;
}

type Changes = Record<string, string | null | undefined>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function parse(params: URLSearchParams, config: UrlTableConfig) {
  const sortId = params.get("sort");
  const dir = params.get("dir");
  const sort: ColumnSort =
    sortId && config.sortable.includes(sortId)
      ? { id: sortId, desc: dir === "desc" }
      : { ...config.defaultSort, desc: dir === "asc" ? false : dir === "desc" ? true : config.defaultSort.desc };
  const sorting: SortingState = [sort];

  const columnFilters: ColumnFiltersState = [];
  for (const id of config.filters) {
    const value = params.get(id);
    if (value) columnFilters.push({ id, value });
  }
  if (config.dateRange) {
    const from = params.get(config.dateRange.from) ?? "";
    const to = params.get(config.dateRange.to) ?? "";
    const range: DayRange = { from: DAY.test(from) ? from : undefined, to: DAY.test(to) ? to : undefined };
    if (range.from || range.to) columnFilters.push({ id: config.dateRange.column, value: range });
  }

  const page = Number(params.get("page"));
  const pagination: PaginationState = {
    pageIndex: Number.isInteger(page) && page > 1 ? page - 1 : 0,
    pageSize: config.pageSize ?? PAGE_SIZE,
  };
  return { globalFilter: params.get("q") ?? "", sorting, columnFilters, pagination };
}

/**
 * Table state lives in the URL so a link shows the same view. The table filters and sorts in the browser, so a
 * change only rewrites the address (history.replaceState, which Next's useSearchParams follows at once): no
 * server render per keystroke, and a reload right after a change already shows it.
 */
export function useUrlTableState(config: UrlTableConfig) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const query = searchParams.toString();
  const state = useMemo(() => parse(new URLSearchParams(query), config), [query, config]);

  const update = useCallback(
    (changes: Changes, keepPage = false) => {
      // The address as it is now, not as this render saw it: two changes in one tick (controls typed into before
      // hydration, handed over on mount) must both stay.
      const next = new URLSearchParams(window.location.search);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      if (!keepPage) next.delete("page");
      const qs = next.toString();
      window.history.replaceState(null, "", qs ? `${pathname}?${qs}` : pathname);
    },
    [pathname],
  );

  const setSorting = useCallback(
    (sorting: SortingState) => {
      const sort = sorting[0] ?? config.defaultSort;
      const isDefault = sort.id === config.defaultSort.id && sort.desc === config.defaultSort.desc;
      update(isDefault ? { sort: null, dir: null } : { sort: sort.id, dir: sort.desc ? "desc" : "asc" });
    },
    [config, update],
  );

  const setColumnFilters = useCallback(
    (filters: ColumnFiltersState) => {
      const changes: Changes = {};
      for (const id of config.filters) {
        const value = filters.find((f) => f.id === id)?.value;
        changes[id] = typeof value === "string" ? value : null;
      }
      if (config.dateRange) {
        const range = (filters.find((f) => f.id === config.dateRange?.column)?.value ?? {}) as DayRange;
        changes[config.dateRange.from] = range.from;
        changes[config.dateRange.to] = range.to;
      }
      update(changes);
    },
    [config, update],
  );

  const setGlobalFilter = useCallback((q: string) => update({ q }), [update]);
  const setPageIndex = useCallback((index: number) => update({ page: index > 0 ? String(index + 1) : null }, true), [update]);

  const clearFilters = useCallback(() => {
    const changes: Changes = { q: null };
    for (const id of config.filters) changes[id] = null;
    if (config.dateRange) Object.assign(changes, { [config.dateRange.from]: null, [config.dateRange.to]: null });
    update(changes);
  }, [config, update]);

  return { ...state, setSorting, setColumnFilters, setGlobalFilter, setPageIndex, clearFilters };
}

export type UrlTableState = ReturnType<typeof useUrlTableState>;
