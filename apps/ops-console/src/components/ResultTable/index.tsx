/** A scrolling table of result rows with sticky headers; numbers right-aligned. */
type Cell = string | number | boolean | null;

export function ResultTable({ columns, rows }: { columns: string[]; rows: Cell[][] }) {
  if (rows.length === 0) return <p className="empty">No rows.</p>;
  return (
    <div className="result-table">
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
