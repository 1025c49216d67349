/** A scrolling table of result rows with sticky headers; numbers right-aligned. */
type Cell = string | number | boolean | null;

/** The scrolling box is focusable, so keyboard users can scroll it with the arrow keys. */
export function ResultTable({ columns, rows, label = 'Result' }: { columns: string[]; rows: Cell[][]; label?: string }) {
  if (rows.length === 0) return <p className="empty">No rows.</p>;
  return (
    <div className="result-table" tabIndex={0} role="region" aria-label={`${label} (scrolls)`} data-testid="result-table">
      <table>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c}>{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => (
                <td key={j} className={typeof cell === 'number' ? 'num' : undefined}>
                  {cell === null ? <span className="null">—</span> : typeof cell === 'number' ? cell.toLocaleString() : String(cell)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
