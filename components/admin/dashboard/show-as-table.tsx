"use client";

import { useState } from "react";
import { useFieldsAsLeft } from "@/components/ui/use-fields-as-left";
import { NumbersTable, type NumbersTableProps } from "./numbers-table";

/**
 * "Show as table" under a chart. The table is built the first time it is opened (and kept): closed, it would be
 * hundreds of elements on every load and in every live refresh that most visits never look at. The figures come as
 * plain arrays, a fraction of the size of the rendered table.
 */
export function ShowAsTable(table: NumbersTableProps) {
  const [opened, setOpened] = useState(false);
  // Opened before the page's script ran, its toggle event was missed: build the table now.
  const details = useFieldsAsLeft<HTMLDetailsElement>((element) => {
    if (element.open) setOpened(true);
  });
  return (
    <details
      ref={details}
      className="mt-3 text-sm"
      onToggle={(event) => {
        if (event.currentTarget.open) setOpened(true);
      }}
    >
      <summary className="cursor-pointer rounded text-sm font-medium text-brand-700 hover:underline dark:text-sky-400">Show as table</summary>
      {opened && (
        <div className="mt-3">
          <NumbersTable {...table} />
        </div>
      )}
    </details>
  );
}
