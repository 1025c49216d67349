/** The widget settings dialog: chart type, table, time window, the opcode's fields, filters, legend, refresh. */
import { useState, type ReactNode } from 'react';
import { widgetOfType } from '../../model/defaults';
import {
  FILTER_OPERATORS,
  LAST_WINDOWS,
  PERIODS,
  REFRESH_SECONDS,
  SERIES_STATS,
  WIDGET_LABELS,
  WIDGET_TYPES,
  type SeriesStat,
  type Widget,
  type WidgetType,
} from '../../model/widget';
import { FiltersEditor } from './filters-editor';

interface Props {
  widget: Widget;
  tables: string[];
  onApply(widget: Widget): void;
  onCancel(): void;
}

const toLocalInput = (ms: number) => new Date(ms - new Date(ms).getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
const fromLocalInput = (text: string) => new Date(text).getTime();
const list = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);

function Field({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <label className={wide ? 'field wide' : 'field'}>
      <span>{label}</span>
      {children}
    </label>
  );
}

export function WidgetEditor({ widget, tables, onApply, onCancel }: Props) {
  const [draft, setDraft] = useState<Widget>(widget);
  const set = (patch: Partial<Widget>) => setDraft((d) => ({ ...d, ...patch }) as Widget);
  const custom = !('last' in draft.window);

  return (
    <div className="modal-backdrop" onClick={onCancel}>
      <form
        className="modal"
        role="dialog"
        aria-label="Edit widget"
        onClick={(e) => e.stopPropagation()}
        onSubmit={(e) => {
          e.preventDefault();
          onApply(draft);
        }}
      >
        <h2>Widget</h2>
        <div className="type-picker" role="radiogroup" aria-label="Chart type">
          {WIDGET_TYPES.map((type) => (
            <button
              key={type}
              type="button"
              role="radio"
              aria-checked={draft.type === type}
              className={draft.type === type ? 'on' : undefined}
              onClick={() => setDraft(widgetOfType(type as WidgetType, draft))}
            >
              {WIDGET_LABELS[type]}
            </button>
          ))}
        </div>
        <div className="form-grid">
          <Field label="Title" wide>
            <input value={draft.title} placeholder="Automatic" maxLength={120} onChange={(e) => set({ title: e.target.value })} />
          </Field>
          <Field label="Table">
            <input list="tables" value={draft.table} required pattern="[a-z][a-z0-9_]{0,63}" onChange={(e) => set({ table: e.target.value })} />
            <datalist id="tables">
              {tables.map((t) => (
                <option key={t} value={t} />
              ))}
            </datalist>
          </Field>
          <Field label="Time window">
            <select
              value={custom ? 'custom' : (draft.window as { last: string }).last}
              onChange={(e) => {
                const v = e.target.value;
                set({ window: v === 'custom' ? { from: Date.now() - 3_600_000, to: Date.now() } : { last: v as (typeof LAST_WINDOWS)[number] } });
              }}
            >
              {LAST_WINDOWS.map((w) => (
                <option key={w} value={w}>
                  Last {w}
                </option>
              ))}
              <option value="custom">Custom…</option>
            </select>
          </Field>
          {'from' in draft.window && (
            <>
              <Field label="From">
                <input type="datetime-local" value={toLocalInput(draft.window.from)} onChange={(e) => set({ window: { ...(draft.window as { from: number; to: number }), from: fromLocalInput(e.target.value) } })} />
              </Field>
              <Field label="To">
                <input type="datetime-local" value={toLocalInput(draft.window.to)} onChange={(e) => set({ window: { ...(draft.window as { from: number; to: number }), to: fromLocalInput(e.target.value) } })} />
              </Field>
            </>
          )}
          {'field' in draft && draft.type !== 'count' && (
            <Field label={draft.type === 'statstrend' ? 'Numeric field' : draft.type === 'trend' ? 'Split by field' : 'Group by field'}>
              <input value={draft.field} required placeholder="e.g. os or appVersion.major" onChange={(e) => set({ field: e.target.value })} />
            </Field>
          )}
          {draft.type === 'bar' && (
            <Field label="Stack by field (optional)">
              <input value={draft.stackBy ?? ''} onChange={(e) => set({ stackBy: e.target.value || undefined } as Partial<Widget>)} />
            </Field>
          )}
          {(draft.type === 'histogram' || draft.type === 'trend' || draft.type === 'statstrend') && (
            <Field label="Period">
              <select value={draft.period} onChange={(e) => set({ period: e.target.value } as Partial<Widget>)}>
                {PERIODS.map((p) => (
                  <option key={p}>{p}</option>
                ))}
              </select>
            </Field>
          )}
          {draft.type === 'histogram' && (
            <Field label="Count distinct (optional)">
              <input value={draft.uniqueCountOn ?? ''} placeholder="e.g. sessionId" onChange={(e) => set({ uniqueCountOn: e.target.value || undefined } as Partial<Widget>)} />
            </Field>
          )}
          {draft.type === 'trend' && (
            <Field label="Only these values (comma list, optional)" wide>
              <input value={draft.values.join(', ')} onChange={(e) => set({ values: list(e.target.value) } as Partial<Widget>)} />
            </Field>
          )}
          {draft.type === 'statstrend' && (
            <Field label="Series" wide>
              <div className="chips">
                {SERIES_STATS.map((s) => (
                  <label key={s} className="chip">
                    <input
                      type="checkbox"
                      checked={draft.series.includes(s)}
                      onChange={(e) => {
                        const next: SeriesStat[] = e.target.checked ? [...draft.series, s] : draft.series.filter((x) => x !== s);
                        if (next.length > 0 && next.length <= 6) set({ series: next } as Partial<Widget>);
                      }}
                    />
                    {s}
                  </label>
                ))}
              </div>
            </Field>
          )}
          {draft.type === 'table' && (
            <Field label="Columns (comma list; empty shows all)" wide>
              <input value={draft.columns.join(', ')} onChange={(e) => set({ columns: list(e.target.value) } as Partial<Widget>)} />
            </Field>
          )}
          {draft.type === 'count' && (
            <>
              <Field label="Count field (optional)">
                <input value={draft.field ?? ''} placeholder="all events" onChange={(e) => set({ field: e.target.value || undefined } as Partial<Widget>)} />
              </Field>
              <label className="field check">
                <input type="checkbox" checked={draft.distinct} disabled={!draft.field} onChange={(e) => set({ distinct: e.target.checked } as Partial<Widget>)} />
                <span>distinct values</span>
              </label>
            </>
          )}
          {'limit' in draft && (
            <Field label={draft.type === 'table' ? 'Rows' : 'Top N'}>
              <input type="number" min={1} max={500} value={draft.limit} onChange={(e) => set({ limit: Math.max(1, Math.min(500, Number(e.target.value) || 1)) } as Partial<Widget>)} />
            </Field>
          )}
          <Field label="Auto-refresh">
            <select value={draft.refreshSeconds} onChange={(e) => set({ refreshSeconds: Number(e.target.value) as Widget['refreshSeconds'] })}>
              {REFRESH_SECONDS.map((s) => (
                <option key={s} value={s}>
                  {s === 0 ? 'Off' : s < 60 ? `Every ${s} s` : `Every ${s / 60} min`}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Width">
            <select value={draft.span} onChange={(e) => set({ span: Number(e.target.value) as Widget['span'] })}>
              <option value={1}>One column</option>
              <option value={2}>Two columns</option>
              <option value={3}>Full width</option>
            </select>
          </Field>
          <label className="field check">
            <input type="checkbox" checked={draft.legend} onChange={(e) => set({ legend: e.target.checked })} />
            <span>Show legend</span>
          </label>
        </div>
        <h3>Filters</h3>
        <FiltersEditor filters={draft.filters} operators={FILTER_OPERATORS} onChange={(filters) => set({ filters })} />
        <footer>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Apply
          </button>
        </footer>
      </form>
    </div>
  );
}
