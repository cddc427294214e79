// CSV for spreadsheets: RFC 4180 quoting, and cells that a spreadsheet would run as a formula
// (starting with = + - @ or a tab or carriage return) are prefixed with ' so they stay text.
// Cells holding ';' are quoted too: Excel in French or Arabic locales splits on ';', and a
// quoted cell stays whole (and cannot start a formula mid-cell) whichever separator it uses.

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  // A plain negative decimal ("-3.10", a ledger debit) is a number, not a formula.
  if (/^[=+\-@\t\r]/.test(text) && !/^-\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: (string | number | null | undefined)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
