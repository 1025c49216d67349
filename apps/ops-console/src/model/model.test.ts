import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { widgetOfType } from './defaults';
import { windowFilter, windowRange } from './time-window';
import { fillBuckets, flattenData, toChartData, topSlices } from './to-chart';
import { toAnalyticsRequest, toFoxtrotFilter } from './to-request';
import { decodeView, encodeView } from './view-url';
import type { Widget } from './widget';

const MIN = 60_000;

describe('toFoxtrotFilter', () => {
  it('should send numbers as numbers and text as text', () => {
    assert.deepEqual(toFoxtrotFilter({ field: 'value', operator: 'greater_than', value: '2500' }), { operator: 'greater_than', field: 'value', value: 2500 });
    assert.deepEqual(toFoxtrotFilter({ field: 'os', operator: 'equals', value: 'android' }), { operator: 'equals', field: 'os', value: 'android' });
    assert.deepEqual(toFoxtrotFilter({ field: 'v', operator: 'equals', value: '4.4' }), { operator: 'equals', field: 'v', value: 4.4 });
  });
  it('should keep contains and wildcard values as text', () => {
    assert.deepEqual(toFoxtrotFilter({ field: 'build', operator: 'contains', value: '12' }), { operator: 'contains', field: 'build', value: '12' });
  });
  it('should split in lists and between ranges', () => {
    assert.deepEqual(toFoxtrotFilter({ field: 'os', operator: 'in', value: 'android, ios,,' }), { operator: 'in', field: 'os', values: ['android', 'ios'] });
    assert.deepEqual(toFoxtrotFilter({ field: 'value', operator: 'between', value: '100..200' }), { operator: 'between', field: 'value', from: 100, to: 200 });
    assert.deepEqual(toFoxtrotFilter({ field: 'd', operator: 'between', value: 'a,m' }), { operator: 'between', field: 'd', from: 'a', to: 'm' });
  });
  it('should send no value for exists and missing', () => {
    assert.deepEqual(toFoxtrotFilter({ field: 'error', operator: 'missing', value: 'x' }), { operator: 'missing', field: 'error' });
  });
});

describe('toAnalyticsRequest', () => {
  const base = { id: 'w', title: '', table: 'storefront', window: { last: '1h' as const }, filters: [], legend: true, refreshSeconds: 0 as const, span: 1 as const };
  const last1h = { operator: 'last', field: '_timestamp', duration: '1h' };

  it('should put the time window first, then the filters, skipping blank ones', () => {
    const w: Widget = { ...base, type: 'count', distinct: false, filters: [{ field: 'os', operator: 'equals', value: 'ios' }, { field: ' ', operator: 'equals', value: '' }] };
    assert.deepEqual(toAnalyticsRequest(w), { opcode: 'count', table: 'storefront', filters: [last1h, { operator: 'equals', field: 'os', value: 'ios' }] });
  });
  it('should map every widget type to its opcode', () => {
    const cases: [Widget, Record<string, unknown>][] = [
      [{ ...base, type: 'pie', field: 'os', limit: 5 }, { opcode: 'group', nesting: ['os'] }],
      [{ ...base, type: 'bar', field: 'page', limit: 5 }, { opcode: 'group', nesting: ['page'] }],
      [{ ...base, type: 'bar', field: 'page', stackBy: 'os', limit: 5 }, { opcode: 'group', nesting: ['page', 'os'] }],
      [{ ...base, type: 'histogram', period: 'minutes' }, { opcode: 'histogram', field: '_timestamp', period: 'minutes' }],
      [{ ...base, type: 'histogram', period: 'hours', uniqueCountOn: 'sessionId' }, { opcode: 'histogram', field: '_timestamp', period: 'hours', uniqueCountOn: 'sessionId' }],
      [{ ...base, type: 'trend', field: 'os', period: 'hours', values: ['ios'] }, { opcode: 'trend', field: 'os', period: 'hours', values: ['ios'] }],
      [{ ...base, type: 'statstrend', field: 'value', period: 'minutes', series: ['avg', 'p95', 'p99'] }, { opcode: 'statstrend', field: 'value', period: 'minutes', stats: ['avg'], percentiles: [95, 99] }],
      [{ ...base, type: 'statstrend', field: 'value', period: 'minutes', series: ['p50'] }, { opcode: 'statstrend', field: 'value', period: 'minutes', stats: ['count'], percentiles: [50] }],
      [{ ...base, type: 'table', columns: [], limit: 20 }, { opcode: 'query', sort: { field: '_timestamp', order: 'desc' }, limit: 20 }],
      [{ ...base, type: 'count', field: 'sessionId', distinct: true }, { opcode: 'count', field: 'sessionId', distinct: true }],
    ];
    for (const [widget, expected] of cases) {
      assert.deepEqual(toAnalyticsRequest(widget), { table: 'storefront', filters: [last1h], ...expected }, widget.type);
    }
  });
  it('should use a between filter on _timestamp for a custom window', () => {
    assert.deepEqual(windowFilter({ from: 10, to: 20 }), { operator: 'between', field: '_timestamp', from: 10, to: 20 });
    assert.deepEqual(windowRange({ last: '15m' }, 100 * MIN), { from: 85 * MIN, to: 100 * MIN });
  });
});

describe('toChartData', () => {
  const range = { from: 0, to: 3 * MIN };
  it('should fill empty buckets with zero across the window', () => {
    assert.deepEqual(fillBuckets([{ period: MIN, count: 4 }], 10, 3 * MIN + 5, MIN), [[0, 0], [MIN, 4], [2 * MIN, 0], [3 * MIN, 0]]);
  });
  it('should keep the largest slices and sum the rest as other', () => {
    assert.deepEqual(topSlices({ a: 1, b: 5, c: 3, d: 2 }, 2), [{ name: 'b', value: 5 }, { name: 'c', value: 3 }, { name: 'other', value: 3 }]);
  });
  it('should stack a two-level group into one series per inner key', () => {
    const w = widgetOfType('bar', { field: 'page' }) as Extract<Widget, { type: 'bar' }>;
    const data = toChartData({ ...w, stackBy: 'os' }, { result: { home: { ios: 2, android: 3 }, cart: { ios: 1 } } }, range);
    assert.deepEqual(data, { kind: 'bars', categories: ['home', 'cart'], series: [{ name: 'android', values: [3, 0] }, { name: 'ios', values: [2, 1] }] });
  });
  it('should turn trends into zero-filled series, busiest first', () => {
    const w = { ...widgetOfType('trend'), period: 'minutes' } as Widget;
    const data = toChartData(w, { trends: { ios: [{ period: MIN, count: 1 }], android: [{ period: 0, count: 5 }] } }, range);
    assert.equal(data.kind, 'lines');
    if (data.kind !== 'lines') return;
    assert.deepEqual(data.series.map((s) => s.name), ['android', 'ios']);
    assert.deepEqual(data.series[1]!.points, [[0, 0], [MIN, 1], [2 * MIN, 0], [3 * MIN, 0]]);
  });
  it('should read percentiles and stats for a stats trend', () => {
    const w = { ...widgetOfType('statstrend'), field: 'value', series: ['avg', 'p95'] } as Widget;
    const data = toChartData(w, { result: [{ period: 0, stats: { avg: 10 }, percentiles: { '95.0': 30 } }] }, range);
    assert.deepEqual(data, { kind: 'lines', series: [{ name: 'avg(value)', points: [[0, 10]] }, { name: 'p95(value)', points: [[0, 30]] }] });
  });
  it('should flatten documents into rows with dotted columns', () => {
    assert.deepEqual({ ...flattenData({ a: { b: 1 }, c: 'x', d: [1] }) }, { 'a.b': 1, c: 'x', d: [1] });
    const data = toChartData(widgetOfType('table'), { documents: [{ id: '1', timestamp: 0, data: { os: 'ios', v: { major: 9 } } }], totalHits: 7 }, range);
    assert.deepEqual(data, { kind: 'rows', columns: ['time', 'os', 'v.major'], rows: [['1970-01-01 00:00:00', 'ios', 9]], total: 7 });
  });
});

describe('names of Object members in results', () => {
  const range = { from: 0, to: 3 * MIN };
  it('should read only what an event or a group holds', () => {
    const data = toChartData({ ...widgetOfType('table'), columns: ['toString', 'constructor.name'] } as Widget, { documents: [{ id: '1', timestamp: 0, data: { os: 'ios' } }] }, range);
    assert.deepEqual(data.kind === 'rows' && data.rows, [['1970-01-01 00:00:00', null, null]]);
    const flat = flattenData(JSON.parse('{"__proto__": {"x": 1}, "constructor": "c"}'));
    assert.deepEqual({ ...flat }, { '__proto__.x': 1, constructor: 'c' });
    const bar = { ...widgetOfType('bar'), stackBy: 'os' } as Widget;
    const bars = toChartData(bar, { result: { a: { constructor: 2 }, b: { ios: 1 } } }, range);
    assert.deepEqual(bars.kind === 'bars' && bars.series, [{ name: 'constructor', values: [2, 0] }, { name: 'ios', values: [0, 1] }]);
  });
});

describe('view URLs', () => {
  it('should round-trip a dashboard, including non-ASCII text', () => {
    const doc = { name: 'Ladeseiten – Übersicht ₹', description: '', widgets: [widgetOfType('pie', { id: 'x' })] };
    const hash = encodeView(doc);
    assert.match(hash, /^#view=[A-Za-z0-9_-]+$/);
    assert.deepEqual(decodeView(hash), doc);
  });
  it('should give null for a missing or damaged view', () => {
    assert.equal(decodeView(''), null);
    assert.equal(decodeView('#view=%%%'), null);
    assert.equal(decodeView('#view=' + btoa('{"widgets":3}')), null);
  });
});
