/** FQL: a statement, its result as a table, and the same result as a CSV download. */
import { useState } from 'react';
import { api, type FqlTable } from '../../api';
import { ResultTable } from '../ResultTable';

const EXAMPLES = [
  "select os, count(*) from storefront where last('1h') group by os",
  "select * from storefront where event = 'APP_CRASH' limit 20",
  "select stats(value) from storefront where metric = 'LCP'",
  "select histogram(_timestamp, 'minutes') from storefront where last('1h')",
  'show tables',
];

export function FqlTab() {
  const [query, setQuery] = useState(EXAMPLES[0]!);
  const [result, setResult] = useState<{ table: FqlTable; ms: number; query: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);

  const run = async () => {
    setRunning(true);
    setError(null);
    const started = performance.now();
    try {
      const table = await api.fql(query);
      setResult({ table, ms: Math.round(performance.now() - started), query });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setResult(null);
    } finally {
      setRunning(false);
    }
  };

  const columns = result?.table.headers.map((h) => h.name) ?? [];
  return (
    <div className="fql">
      <div className="fql-editor">
        <textarea
          aria-label="FQL statement"
          spellCheck={false}
          value={query}
          rows={5}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void run();
          }}
        />
        <div className="fql-actions">
          <button type="button" className="primary" disabled={running || !query.trim()} onClick={() => void run()}>
            {running ? 'Running…' : 'Run'} <kbd>Ctrl ↵</kbd>
          </button>
          {result && (
            <a className="button" href={api.fqlDownloadUrl(result.query)} download="fql-result.csv">
              Download CSV
            </a>
          )}
          <select aria-label="Examples" value="" onChange={(e) => e.target.value && setQuery(e.target.value)}>
            <option value="">Examples…</option>
            {EXAMPLES.map((q) => (
              <option key={q} value={q}>
                {q}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error && <p className="error">{error}</p>}
      {result && (
        <section className="card fql-result">
          <header>
            <h2>Result</h2>
            <p className="sub">
              {result.table.rows.length.toLocaleString()} rows · {result.ms} ms
            </p>
          </header>
          <ResultTable columns={columns} rows={result.table.rows.map((r) => columns.map((c) => r[c] ?? null))} label="Query result" />
        </section>
      )}
    </div>
  );
}
