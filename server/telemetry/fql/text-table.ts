/** A flat table as plain text, for `Accept: text/plain` (the FQL command line). */
import { stripVTControlCharacters } from 'node:util';
import { cellText, type FlatTable } from './table';

/**
 * What a terminal would act on rather than show: C0 and C1 control characters (escape, bell,
 * backspace, carriage return…) and the bidirectional overrides that reorder what is shown.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Event values are posted by anyone: escape sequences are removed and other control characters
 * become spaces, so an operator's terminal only ever prints the text.
 */
export function terminalSafe(text: string): string {
  return stripVTControlCharacters(text).replace(CONTROL, ' ');
}

export function renderText(table: FlatTable): string {
  const names = table.headers.map((h) => terminalSafe(h.name));
  const cells = table.rows.map((r) => table.headers.map((h) => terminalSafe(cellText(r[h.name]))));
  // Widths from the cleaned text: a removed escape sequence takes no room.
  const widths = names.map((name, i) => Math.max(name.length, ...cells.map((row) => row[i]!.length)));
  const line = `+${widths.map((w) => '-'.repeat(w + 2)).join('+')}+`;
  const row = (values: string[]) => `| ${values.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  const out = [line, row(names), line];
  for (const r of cells) out.push(row(r));
  out.push(line);
  return `${out.join('\n')}\n`;
}
