/** CSV (RFC 4180): quotes cells holding commas, quotes or line breaks, doubling inner quotes. */
import { cellText, type FlatTable } from './fql/table';

export function csvCell(text: string): string {
  // Cells that a spreadsheet would run as a formula are prefixed so they stay text.
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(table: FlatTable): string {
  const lines = [table.headers.map((h) => csvCell(h.name)).join(',')];
  for (const row of table.rows) lines.push(table.headers.map((h) => csvCell(cellText(row[h.name]))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
