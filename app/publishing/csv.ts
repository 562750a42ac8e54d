// CSV for spreadsheets (RFC 4180): comma-separated, CRLF line ends, fields quoted when they hold a comma,
// a quote or a line break (quotes doubled), UTF-8 with a byte-order mark so Excel reads it as UTF-8.
// Pure, no I/O.
//
// Text cells that a spreadsheet would take for a formula (starting with = + - @, a tab or a carriage
// return) get a leading apostrophe: a claim quoting "=HYPERLINK(…)" stays text when an editor opens the
// file. Numbers are written as they are (a negative number is not a formula).

export type CsvCell = string | number | null | undefined;

const byteOrderMark = "\uFEFF";
const formulaStart = /^[=+\-@\t\r]/;
const needsQuotes = /[",\r\n]/;

/** One cell: formula-guarded when it is text, quoted when it must be. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = formulaStart.test(value) ? `'${value}` : value;
  return needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: a header row and the records, each line ended with CRLF, after a byte-order mark. */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  for (const [index, row] of rows.entries()) {
    if (row.length !== header.length) throw new RangeError(`CSV row ${index + 1} has ${row.length} cells; the header has ${header.length}`);
  }
  const lines = [header, ...rows].map((row) => `${row.map(csvCell).join(",")}\r\n`);
  return byteOrderMark + lines.join("");
}
