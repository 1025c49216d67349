/** One dashboard tile: title, what it shows, its chart (or number, or table), and its actions. */
import { describeWindow } from '../../model/time-window';
import { WIDGET_LABELS, type Widget } from '../../model/widget';
import { Chart } from '../Chart';
import { ResultTable } from '../ResultTable';
import { useWidgetData } from './use-widget-data';

interface Props {
  widget: Widget;
  refreshTick: number;
  onEdit(): void;
  onRemove(): void;
}

export function WidgetCard({ widget, refreshTick, onEdit, onRemove }: Props) {
  const { data, error, loading, updatedAt } = useWidgetData(widget, refreshTick);
  const subtitle = [widget.table, describeWindow(widget.window), widget.filters.length ? `${widget.filters.length} filter${widget.filters.length > 1 ? 's' : ''}` : '', widget.refreshSeconds ? `↻ ${widget.refreshSeconds}s` : '']
    .filter(Boolean)
    .join(' · ');
  return (
    <section className={`card span-${widget.span} type-${widget.type}`} aria-busy={loading} aria-label={widget.title || defaultTitle(widget)} data-testid="widget">
      <header>
        <div>
          <h2>{widget.title || defaultTitle(widget)}</h2>
          <p className="sub" title={updatedAt ? `updated ${new Date(updatedAt).toLocaleTimeString()}` : undefined}>
            {subtitle}
          </p>
        </div>
        <div className="card-actions">
          {loading && <span className="spinner" aria-label="loading" />}
          <button type="button" className="icon" onClick={onEdit} title="Edit widget" aria-label={`Edit widget ${widget.title || defaultTitle(widget)}`}>✎</button>
          <button type="button" className="icon" onClick={onRemove} title="Remove widget" aria-label={`Remove widget ${widget.title || defaultTitle(widget)}`}>✕</button>
        </div>
      </header>
      <div className="card-body">
        {error ? (
          <p className="error">{error}</p>
        ) : !data ? null : data.kind === 'number' ? (
          <p className="big-number" data-testid="big-number">{data.value.toLocaleString()}</p>
        ) : data.kind === 'rows' ? (
          <ResultTable columns={data.columns} rows={data.rows} label={widget.title || defaultTitle(widget)} />
        ) : isEmpty(data) ? (
          <p className="empty">No events in this window.</p>
        ) : (
          <Chart data={data} legend={widget.legend} label={widget.title || defaultTitle(widget)} />
        )}
      </div>
    </section>
  );
}

function isEmpty(data: { kind: string } & Record<string, unknown>): boolean {
  if (data.kind === 'slices') return (data.slices as unknown[]).length === 0;
  if (data.kind === 'bars') return (data.categories as unknown[]).length === 0;
  if (data.kind === 'lines') return (data.series as { points: [number, number | null][] }[]).every((s) => s.points.every((p) => !p[1]));
  return false;
}

export function defaultTitle(widget: Widget): string {
  switch (widget.type) {
    case 'pie':
    case 'bar':
      return `${WIDGET_LABELS[widget.type]} by ${widget.field}${widget.type === 'bar' && widget.stackBy ? ` and ${widget.stackBy}` : ''}`;
    case 'trend':
      return `Trend of ${widget.field}`;
    case 'statstrend':
      return `${widget.series.join(', ')} of ${widget.field}`;
    case 'count':
      return widget.field ? `${widget.distinct ? 'Distinct ' : ''}${widget.field}` : 'Events';
    default:
      return WIDGET_LABELS[widget.type];
  }
}
