"use client";

import { functionalUpdate, useTable, type ColumnDef, type FilterFn, type RowData } from "@tanstack/react-table";
import { useEffect } from "react";
import { foldForSearch } from "@/lib/text/fold-for-search";
import { dataTableFeatures, type DataTableFeatures } from "./features";
import { useUrlTableState, type UrlTableConfig } from "./use-url-table-state";

interface DataTableOptions<TData extends RowData> {
  data: TData[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each column keeps its own value type
  columns: ColumnDef<DataTableFeatures, TData, any>[];
  /** Module-level constant: which columns the URL may sort and filter. */
  url: UrlTableConfig;
  /** Everything the Search box should match in one row, in any case. */
  searchText: (row: TData) => string;
  getRowId: (row: TData) => string;
}

/** A client-side table (filter → sort → paginate) whose state is the page URL. */
export function useDataTable<TData extends RowData>({ data, columns, url, searchText, getRowId }: DataTableOptions<TData>) {
  const state = useUrlTableState(url);

  // Search is row-wide, so it is evaluated once per row, on the first column.
  const globalFilterFn: FilterFn<DataTableFeatures, TData> = (row, _columnId, value: string) =>
    foldForSearch(searchText(row.original)).includes(foldForSearch(value.trim()));

  const table = useTable({
    features: dataTableFeatures,
    columns,
    data,
    getRowId: (row) => getRowId(row),
    state: {
      sorting: state.sorting,
      columnFilters: state.columnFilters,
      globalFilter: state.globalFilter,
      pagination: state.pagination,
    },
    onSortingChange: (updater) => state.setSorting(functionalUpdate(updater, state.sorting)),
    onColumnFiltersChange: (updater) => state.setColumnFilters(functionalUpdate(updater, state.columnFilters)),
    onGlobalFilterChange: (updater) => state.setGlobalFilter(String(functionalUpdate(updater, state.globalFilter) ?? "")),
    onPaginationChange: (updater) => state.setPageIndex(functionalUpdate(updater, state.pagination).pageIndex),
    // The URL hook drops `page` whenever search, filters or sort change; no second, racing update.
    autoResetPageIndex: false,
    enableSortingRemoval: false,
    enableMultiSort: false,
    globalFilterFn,
    getColumnCanGlobalFilter: (column) => column.table.getAllLeafColumns()[0]?.id === column.id,
  });

  // A shared link may name a page that no longer exists: move to the last real one.
  const pageCount = table.getPageCount();
  const { pageIndex } = state.pagination;
  const { setPageIndex } = state;
  useEffect(() => {
    if (pageIndex > 0 && pageIndex >= pageCount) setPageIndex(Math.max(0, pageCount - 1));
  }, [pageIndex, pageCount, setPageIndex]);

  return { table, state };
}
