/** A cell a spreadsheet would run as a formula (OWASP "CSV injection") starts with one of these. */
const FORMULA_START = /^[=+\-@\t\r]/;

export interface CsvColumn<TData> {
  header: string;
  value: (row: TData) => unknown;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (typeof value === "string") return FORMULA_START.test(value) ? `'${value}` : value;
  return cellText(JSON.stringify(value));
}

/**
 * RFC 4180: quote a field holding a quote, comma or line break, doubling the quotes inside. A semicolon is quoted too:
 * spreadsheets in locales whose list separator it is would split `x;=cmd()` there and run the second half.
 */
export function csvCell(value: unknown): string {
  const text = cellText(value);
  return /[",;\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv<TData>(columns: readonly CsvColumn<TData>[], rows: readonly TData[]): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(",")];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
