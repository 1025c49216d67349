/**
 * FQL to Foxtrot analytics requests. Statements are parsed by node-sql-parser (MySQL grammar);
 * `show tables` and `desc <table>` are meta statements matched before parsing, as Foxtrot does.
 */
import sqlParser from 'node-sql-parser';
import { AppError } from '../../errors/app-error';
import type { Filter } from '../filters';

const { Parser } = sqlParser as unknown as { Parser: new () => { astify(sql: string, opt: object): unknown } };
const parser = new Parser();

/** How the answer becomes a table: which columns a `query` shows, or which single aggregate. */
export interface Projection {
  fields: string[];
  aggregate?: { stat: string; label: string };
  /** Grouped answers: rows sorted by these columns (`count` or a group field), then limit and offset. */
  order?: { column: string; desc: boolean }[];
  limit?: number;
  offset?: number;
}

export type FqlStatement =
  | { kind: 'show-tables' }
  | { kind: 'desc'; table: string }
  | { kind: 'action'; request: Record<string, unknown> & { opcode: string }; projection: Projection };

type Node = Record<string, any>;

const fail = (message: string, details?: unknown): AppError => new AppError('invalid-fql', details, message);

/** Translates one FQL statement; malformed or unsupported statements are a 400 `invalid-fql`. */
export function translateFql(input: string): FqlStatement {
  const text = input.trim().replace(/;\s*$/, '');
  if (text.length === 0) throw fail('The FQL statement is empty.');
  if (/^show\s+tables$/i.test(text)) return { kind: 'show-tables' };
  const desc = /^desc(?:ribe)?\s+`?([A-Za-z0-9_]+)`?$/i.exec(text);
  if (desc) return { kind: 'desc', table: desc[1]! };

  let ast: unknown;
  try {
    ast = parser.astify(text, { database: 'mysql' });
  } catch (error) {
    throw fail(`Could not parse the FQL statement: ${String((error as Error).message).split('\n')[0]}`);
  }
  const statements = Array.isArray(ast) ? ast : [ast];
  if (statements.length !== 1) throw fail('Send one FQL statement at a time.');
  const select = statements[0] as Node;
  if (select.type !== 'select') throw fail('Only select, show tables and desc statements are supported.');
  if (!Array.isArray(select.from) || select.from.length !== 1 || select.from[0].join || !select.from[0].table) {
    throw fail('Select from exactly one table.');
  }
  const table = String(select.from[0].table);
  const filters = select.where ? whereToFilters(select.where) : [];
  const { limit, offset } = limits(select.limit);
  const groupBy: string[] = (select.groupby?.columns ?? select.groupby ?? []).map((c: Node) => fieldName(c));
  if (groupBy.length) return groupStatement(select, columns(select), groupBy, { table, filters }, limits(select.limit));
  const order = (select.orderby ?? []).map((o: Node) => ({ field: fieldName(o.expr), order: String(o.type ?? 'ASC').toLowerCase() }));
  const base = { table, filters };
  const selected = columns(select);
  const functions = selected.filter((c) => c.expr.type === 'function' || c.expr.type === 'aggr_func');
  const plainFields = selected.filter((c) => c.expr.type === 'column_ref' && c.expr.column !== '*').map((c) => fieldName(c.expr));

  if (select.distinct === 'DISTINCT' && plainFields.length) {
    const nesting = plainFields.map((field) => ({ field, order: order.find((o: { field: string }) => o.field === field)?.order ?? 'desc' }));
    return action({ opcode: 'distinct', ...base, nesting, ...(limit !== undefined ? { limit } : {}) }, plainFields);
  }
  if (functions.length > 1) throw fail('Select one aggregate or function at a time.');
  if (functions.length === 1) return functionStatement(functions[0]!.expr, base, plainFields);

  const sort = order[0] ? { field: order[0].field, order: order[0].order === 'desc' ? 'desc' : 'asc' } : undefined;
  return action(
    { opcode: 'query', ...base, from: offset ?? 0, limit: limit ?? 10, ...(sort ? { sort } : {}) },
    plainFields,
  );
}

function columns(select: Node): Node[] {
  return select.columns === '*' ? [{ expr: { type: 'column_ref', column: '*' } }] : select.columns;
}

/**
 * `group by` → a `group` request. `order by` may name the count (`count(*)`, `count(distinct f)`,
 * or the column `count`) or a group field; the flattened rows are sorted by it, then limited.
 */
function groupStatement(
  select: Node,
  selected: Node[],
  groupBy: string[],
  base: { table: string; filters: Filter[] },
  page: { limit?: number; offset?: number },
): FqlStatement {
  const functions = selected.map((c) => c.expr).filter((e) => e.type === 'function' || e.type === 'aggr_func');
  const unique = functions.find((e) => e.type === 'aggr_func' && e.name === 'COUNT' && e.args?.distinct);
  const uniqueCountOn = unique ? fieldName(unique.args.expr) : undefined;
  const countColumn = uniqueCountOn ? `count(distinct ${uniqueCountOn})` : 'count';
  const order = (select.orderby ?? []).map((o: Node) => {
    const desc = String(o.type ?? 'ASC').toUpperCase() === 'DESC';
    const expr = o.expr as Node;
    if (expr.type === 'aggr_func' && String(expr.name).toUpperCase() === 'COUNT') return { column: countColumn, desc };
    const field = fieldName(expr);
    if (field === 'count' || field === countColumn) return { column: countColumn, desc };
    if (!groupBy.includes(field)) throw fail(`Order grouped results by the count or by a group by field, not ${field}.`, { field });
    return { column: field, desc };
  });
  const request = { opcode: 'group', ...base, nesting: groupBy, ...(uniqueCountOn ? { uniqueCountOn } : {}) };
  return { kind: 'action', request, projection: { fields: groupBy, ...(order.length ? { order } : {}), ...page } };
}

function action(request: Record<string, unknown> & { opcode: string }, fields: string[], aggregate?: Projection['aggregate']): FqlStatement {
  return { kind: 'action', request, projection: { fields, ...(aggregate ? { aggregate } : {}) } };
}

function functionStatement(expr: Node, base: { table: string; filters: Filter[] }, plainFields: string[]): FqlStatement {
  const name = functionName(expr).toLowerCase();
  const args: Node[] = expr.type === 'aggr_func' ? (expr.args?.expr ? [expr.args.expr] : []) : (expr.args?.value ?? []);
  const arg = (i: number): string | undefined => (args[i] ? argText(args[i]!) : undefined);
  switch (name) {
    case 'count': {
      const target = args[0];
      if (!target || (target.type === 'star') || (target.type === 'column_ref' && target.column === '*')) return action({ opcode: 'count', ...base }, []);
      return action({ opcode: 'count', ...base, field: argText(target), ...(expr.args?.distinct ? { distinct: true } : {}) }, []);
    }
    case 'sum':
    case 'avg':
    case 'min':
    case 'max': {
      const field = requireArg(arg(0), name);
      return action({ opcode: 'stats', ...base, field, stats: [name], percentiles: [] }, [], { stat: name, label: `${name}(${field})` });
    }
    case 'stats':
      return action({ opcode: 'stats', ...base, field: requireArg(arg(0), name) }, []);
    case 'statstrend':
      return action({ opcode: 'statstrend', ...base, field: requireArg(arg(0), name), period: arg(1) ?? 'minutes', ...(arg(2) ? { timestamp: arg(2) } : {}) }, []);
    case 'histogram':
      return action({ opcode: 'histogram', ...base, period: arg(0) ?? 'minutes', field: arg(1) ?? '_timestamp' }, []);
    case 'trend':
      return action({ opcode: 'trend', ...base, field: requireArg(arg(0), name), period: arg(1) ?? 'minutes', ...(arg(2) ? { timestamp: arg(2) } : {}) }, []);
    case 'distinct': {
      const fields = args.map(argText);
      return action({ opcode: 'distinct', ...base, nesting: fields.map((field) => ({ field, order: 'desc' })) }, fields);
    }
    default:
      throw fail(`Unknown FQL function ${name}().`, { function: name, plainFields });
  }
}

function requireArg(value: string | undefined, fn: string): string {
  if (!value) throw fail(`${fn}() needs a field.`);
  return value;
}

function whereToFilters(node: Node): Filter[] {
  if (node.type === 'binary_expr' && node.operator === 'AND') return [...whereToFilters(node.left), ...whereToFilters(node.right)];
  if (node.type === 'binary_expr' && node.operator === 'OR') throw fail('FQL filters combine with AND only.');
  if (node.parentheses && node.type === 'binary_expr' && node.operator === 'AND') return whereToFilters({ ...node, parentheses: false });
  if (node.type === 'function' && functionName(node).toLowerCase() === 'last') {
    const args: Node[] = node.args?.value ?? [];
    const duration = args[0] ? argText(args[0]) : undefined;
    if (!duration) throw fail("last() needs a duration such as last('1h').");
    const currentTime = args[1] ? Number(literal(args[1])) : undefined;
    return [{ operator: 'last', field: '_timestamp', duration, ...(currentTime ? { currentTime } : {}) }];
  }
  if (node.type !== 'binary_expr') throw fail('Each condition must compare a field with a value.');
  const field = fieldName(node.left);
  const op = String(node.operator).toUpperCase();
  const value = (): unknown => literal(node.right);
  switch (op) {
    case '=':
      return [{ operator: 'equals', field, value: value() }];
    case '!=':
    case '<>':
      return [{ operator: 'not_equals', field, value: value() }];
    case '<':
      return [{ operator: 'less_than', field, value: value() }];
    case '<=':
      return [{ operator: 'less_equal', field, value: value() }];
    case '>':
      return [{ operator: 'greater_than', field, value: value() }];
    case '>=':
      return [{ operator: 'greater_equal', field, value: value() }];
    case 'BETWEEN': {
      const [from, to] = (node.right.value ?? []).map(literal);
      return [{ operator: 'between', field, from, to }];
    }
    case 'IN':
    case 'NOT IN':
      return [{ operator: op === 'IN' ? 'in' : 'not_in', field, values: (node.right.value ?? []).map(literal) }];
    case 'LIKE': {
      const pattern = String(value());
      // Foxtrot reads `like 'x'` as contains; SQL wildcards make it a pattern match.
      if (!/[%_]/.test(pattern)) return [{ operator: 'contains', field, value: pattern }];
      return [{ operator: 'wildcard', field, value: pattern.replace(/[*?]/g, '').replace(/%/g, '*').replace(/_/g, '?') }];
    }
    case 'IS':
      if (node.right.type === 'null') return [{ operator: 'missing', field }];
      break;
    case 'IS NOT':
      if (node.right.type === 'null') return [{ operator: 'exists', field }];
      break;
  }
  throw fail(`The operator ${op} is not supported in FQL.`);
}

/** A field reference (`a`, `a.b`, `a.b.c`, `` `a.b.c.d` ``, `temporal(a)`) as a dotted path. */
function fieldName(node: Node): string {
  if (!node) throw fail('A field is missing.');
  if (node.type === 'column_ref') {
    const column = typeof node.column === 'object' ? node.column?.expr?.value : node.column;
    return [node.db, node.table, column].filter((p) => p !== null && p !== undefined && p !== '').join('.');
  }
  if (node.type === 'function' && functionName(node).toLowerCase() === 'temporal') return fieldName(node.args?.value?.[0]);
  if (node.type === 'single_quote_string' || node.type === 'double_quote_string' || node.type === 'string') return String(node.value);
  throw fail('Expected a field name.');
}

/** A function argument as text: a field name or a quoted string. */
function argText(node: Node): string {
  if (node.type === 'column_ref' || node.type === 'function') return fieldName(node);
  return String(literal(node));
}

function literal(node: Node): unknown {
  switch (node?.type) {
    case 'number':
      return Number(node.value);
    case 'single_quote_string':
    case 'double_quote_string':
    case 'string':
    case 'backticks_quote_string':
      return String(node.value);
    case 'bool':
      return Boolean(node.value);
    case 'null':
      return null;
    case 'unary_expr':
      if (node.operator === '-' && node.expr?.type === 'number') return -Number(node.expr.value);
  }
  throw fail('Expected a number or a quoted string.');
}

function functionName(node: Node): string {
  if (typeof node.name === 'string') return node.name;
  return String(node.name?.name?.[0]?.value ?? '');
}

function limits(limit: Node | null | undefined): { limit?: number; offset?: number } {
  const values: Node[] = limit?.value ?? [];
  if (values.length === 0) return {};
  const numbers = values.map((v) => Number(v.value));
  if (values.length === 1) return { limit: numbers[0] };
  // MySQL `limit offset, count` and `limit count offset n`.
  return limit!.seperator === ',' ? { limit: numbers[1], offset: numbers[0] } : { limit: numbers[0], offset: numbers[1] };
}
