import type { ReactTable, RowData } from "@tanstack/react-table";
import type { DataTableFeatures } from "./features";

export type DataTableInstance<TData extends RowData> = ReactTable<DataTableFeatures, TData>;
