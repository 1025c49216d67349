/** Rows of field / operator / value; `in` takes a comma list and `between` "from..to". */
import type { FilterOperator, WidgetFilter } from '../../model/widget';

const HINTS: Partial<Record<FilterOperator, string>> = { in: 'a, b, c', not_in: 'a, b, c', between: 'from..to', wildcard: 'and*oid' };
const NO_VALUE = new Set<FilterOperator>(['exists', 'missing']);

interface Props {
  filters: WidgetFilter[];
  operators: readonly FilterOperator[];
  onChange(filters: WidgetFilter[]): void;
}

export function FiltersEditor({ filters, operators, onChange }: Props) {
  const update = (i: number, patch: Partial<WidgetFilter>) => onChange(filters.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  return (
    <div className="filters">
      {filters.map((f, i) => (
        <div className="filter-row" key={i}>
          <input aria-label="Field" placeholder="field" value={f.field} onChange={(e) => update(i, { field: e.target.value })} />
          <select aria-label="Operator" value={f.operator} onChange={(e) => update(i, { operator: e.target.value as FilterOperator })}>
            {operators.map((op) => (
              <option key={op}>{op}</option>
            ))}
          </select>
          <input aria-label="Value" placeholder={HINTS[f.operator] ?? 'value'} value={f.value} disabled={NO_VALUE.has(f.operator)} onChange={(e) => update(i, { value: e.target.value })} />
          <button type="button" className="icon" aria-label="Remove filter" onClick={() => onChange(filters.filter((_, j) => j !== i))}>
            ✕
          </button>
        </div>
      ))}
      {filters.length < 20 && (
        <button type="button" className="link" onClick={() => onChange([...filters, { field: '', operator: 'equals', value: '' }])}>
          + Add filter
        </button>
      )}
    </div>
  );
}
