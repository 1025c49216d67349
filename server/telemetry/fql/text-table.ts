/** A flat table as plain text, for `Accept: text/plain` (the FQL command line). */
import { cellText, type FlatTable } from './table';

export function renderText(table: FlatTable): string {
  const widths = table.headers.map((h) => h.maxLength);
  const line = `+${widths.map((w) => '-'.repeat(w + 2)).join('+')}+`;
  const row = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  const out = [line, row(table.headers.map((h) => h.name)), line];
  for (const r of table.rows) out.push(row(table.headers.map((h) => cellText(r[h.name]))));
  out.push(line);
  return `${out.join('\n')}\n`;
}
