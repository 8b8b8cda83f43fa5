import {
  columnFilteringFeature,
  constructSortFn,
  createFilteredRowModel,
  createPaginatedRowModel,
  createSortedRowModel,
  globalFilteringFeature,
  metaHelper,
  rowPaginationFeature,
  rowSortingFeature,
  sortFn_basic,
  sortFn_datetime,
  tableFeatures,
} from "@tanstack/react-table";

export interface DataColumnMeta {
  /** Numbers are right-aligned with tabular figures. */
  align?: "start" | "end";
}

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** Country names such as "Åland Islands" sort where people expect them, not after "Z". */
export const sortFn_locale = constructSortFn({
  sort: (a: unknown, b: unknown) => collator.compare(String(a ?? ""), String(b ?? "")),
});

/**
 * One feature registry for every staff table: client-side filtering, global search, sorting and pagination.
 * Row-model slots follow the feature they need, as v9 requires.
 */
export const dataTableFeatures = tableFeatures({
  columnFilteringFeature,
  globalFilteringFeature,
  rowSortingFeature,
  rowPaginationFeature,
  filteredRowModel: createFilteredRowModel(),
  sortedRowModel: createSortedRowModel(),
  paginatedRowModel: createPaginatedRowModel(),
  sortFns: { basic: sortFn_basic, datetime: sortFn_datetime, locale: sortFn_locale },
  columnMeta: metaHelper<DataColumnMeta>(),
});

export type DataTableFeatures = typeof dataTableFeatures;

export const PAGE_SIZE = 25;
