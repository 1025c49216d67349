/** A dashboard: its toolbar (name, add, refresh) and the grid of widgets, with the editor when one is open. */
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { widgetOfType } from '../../model/defaults';
import type { DashboardDoc, Widget } from '../../model/widget';
import { WidgetCard } from '../WidgetCard';
import { WidgetEditor } from '../WidgetEditor';

interface Props {
  doc: DashboardDoc;
  onChange(doc: DashboardDoc): void;
}

export function DashboardView({ doc, onChange }: Props) {
  const [editing, setEditing] = useState<{ widget: Widget; isNew: boolean } | null>(null);
  const [refreshTick, setRefreshTick] = useState(0);
  const [tables, setTables] = useState<string[]>([]);

  useEffect(() => {
    api.tables().then((list) => setTables(list.map((t) => t.name)), () => setTables([]));
  }, []);

  const replace = (widget: Widget) => onChange({ ...doc, widgets: doc.widgets.map((w) => (w.id === widget.id ? widget : w)) });

  return (
    <>
      <div className="toolbar">
        <input className="dash-name" aria-label="Dashboard name" value={doc.name} maxLength={100} onChange={(e) => onChange({ ...doc, name: e.target.value })} />
        <span className="grow" />
        <button type="button" onClick={() => setRefreshTick((t) => t + 1)} title="Refresh every widget now">
          ↻ Refresh
        </button>
        <button type="button" className="primary" disabled={doc.widgets.length >= 30} onClick={() => setEditing({ widget: widgetOfType('histogram'), isNew: true })}>
          + Add widget
        </button>
      </div>
      {doc.widgets.length === 0 ? (
        <p className="empty big">This dashboard has no widgets yet. Add one to start.</p>
      ) : (
        <div className="grid">
          {doc.widgets.map((w) => (
            <WidgetCard
              key={w.id}
              widget={w}
              refreshTick={refreshTick}
              onEdit={() => setEditing({ widget: w, isNew: false })}
              onRemove={() => onChange({ ...doc, widgets: doc.widgets.filter((x) => x.id !== w.id) })}
            />
          ))}
        </div>
      )}
      {editing && (
        <WidgetEditor
          widget={editing.widget}
          tables={tables}
          onCancel={() => setEditing(null)}
          onApply={(widget) => {
            if (editing.isNew) onChange({ ...doc, widgets: [...doc.widgets, widget] });
            else replace(widget);
            setEditing(null);
          }}
        />
      )}
    </>
  );
}
