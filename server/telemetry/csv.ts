/** CSV (RFC 4180): quotes cells holding commas, quotes or line breaks, doubling inner quotes. */
import { cellText, type FlatTable } from './fql/table';

/** A cell that is a number and nothing else: the only kind that may start with `-` or `+` unguarded. */
const WHOLE_NUMBER = /^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/;

export function csvCell(text: string): string {
  // Cells that a spreadsheet would run as a formula are prefixed so they stay text. `-1+HYPERLINK(…)`
  // starts like a number, so only a cell that is wholly a number skips the guard.
  const safe = /^[=+\-@\t\r]/.test(text) && !WHOLE_NUMBER.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(table: FlatTable): string {
  const lines = [table.headers.map((h) => csvCell(h.name)).join(',')];
  for (const row of table.rows) lines.push(table.headers.map((h) => csvCell(cellText(row[h.name]))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
