import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "@/components/admin/data-table/csv";

describe("CSV export", () => {
  it("never hands a spreadsheet a formula: a leading = + - @ tab or CR is escaped, a semicolon is quoted", () => {
    expect(csvCell("=HYPERLINK(\"http://evil\")")).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell("+1 202 555 0123")).toBe("'+1 202 555 0123");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    // Where ";" separates fields (much of Europe), the second half would be a cell of its own.
    expect(csvCell("reason;=cmd|' /C calc'!A0")).toBe(`"reason;=cmd|' /C calc'!A0"`);
  });

  it("keeps numbers as numbers, quotes commas, quotes and line breaks (RFC 4180), and writes objects as JSON", () => {
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(null)).toBe("");
    expect(csvCell("a, b")).toBe(`"a, b"`);
    expect(csvCell("line\nbreak")).toBe(`"line\nbreak"`);
    expect(csvCell({ role: "admin" })).toBe(`"{""role"":""admin""}"`);
    expect(toCsv([{ header: "Country", value: (r: { c: string }) => r.c }], [{ c: "Côte d'Ivoire" }])).toBe("Country\r\nCôte d'Ivoire\r\n");
  });
});
