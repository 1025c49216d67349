/**
 * Typed columns answer exactly what the JSON answers. Two servers get the same documents: one
 * keeps every field in the JSON (`TELEMETRY_COLUMNS_AFTER=off`), the other maps fields to typed
 * columns once it has seen 150 documents (so the first 100 are filled afterwards, the next ones
 * stored with their values); every opcode that reads fields, every filter and FQL must give the
 * same answer on both, before and after fields change type, and after a restart. Floating-point
 * sums may differ in their last bits (PostgreSQL adds rows in storage order, which a fill changes).
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startTelemetryServer, telemetryStoreKinds, type TelemetryServer } from '../support/telemetry-server';
import { dropSchema } from '../support/server';

const MIN = 60_000;
const HOUR = 60 * MIN;
const OSES = ['android', 'ios', 'windows', 'constructor'];
/** Numbers both engines print alike from a column and from the JSON, and the edge ones they do not. */
const VALUES = [0, 1, -1, 2.5, 0.1, 1234.5678, 99.99, 1e-7, 0.0001, 0.00012345, 123456789012345.6, 1e15, 2 ** 53, 1e21, -3.25e-5, 7, 1500, 0.3333333333333333];

/** The first documents: every field stable except `rating`, which holds one number among its strings. */
function firstDocuments(now: number): unknown[] {
  return Array.from({ length: 240 }, (_, i) => ({
    id: `a${i}`,
    timestamp: now - (i % 48) * 30 * MIN,
    data: {
      eventType: i % 3 === 0 ? 'WEB_VITAL' : 'PAGE_VIEW',
      os: OSES[i % OSES.length],
      appVersion: { major: 2026 + (i % 2), minor: i % 12 },
      routeType: ['home', 'product', 'search', 'checkout'][i % 4],
      online: i % 5 !== 0,
      code: ['42', '007', 'abc', '1e3', ' 12'][i % 5],
      nested: { level: { name: `n${i % 6}` } },
      tags: ['a', `t${i % 3}`],
      ...(i % 3 === 0 ? { value: VALUES[i % VALUES.length], metric: ['LCP', 'CLS', 'INP'][i % 3] } : {}),
      ...(i % 7 === 0 ? { maybe: null } : { maybe: `m${i % 4}` }),
      rating: i === 17 ? 5 : ['good', 'poor'][i % 2],
      changing: i % 10,
    },
  }));
}

/** Later documents whose fields change type: `changing` and `os` take strings and numbers, `online` a string. */
function laterDocuments(now: number): unknown[] {
  return Array.from({ length: 60 }, (_, i) => ({
    id: `b${i}`,
    timestamp: now - (i % 10) * 7 * MIN,
    data: {
      eventType: 'PAGE_VIEW',
      os: i % 4 === 0 ? 10 + i : OSES[i % OSES.length],
      appVersion: i % 5 === 0 ? '2027.1' : { major: 2027, minor: i % 3 },
      online: i % 6 === 0 ? 'yes' : true,
      changing: i % 2 === 0 ? `s${i % 3}` : i,
      value: i % 3 === 0 ? `${i}.5` : i * 1.25,
      code: i % 4 === 0 ? 42 : String(i),
      rating: ['good', 'poor', 'needs-improvement'][i % 3],
    },
  }));
}

const FIELDS = ['eventType', 'os', 'appVersion.major', 'appVersion.minor', 'appVersion', 'routeType', 'online', 'code', 'nested.level.name', 'nested', 'tags', 'value', 'metric', 'maybe', 'rating', 'changing', 'absent'];
const NUMERIC = ['value', 'appVersion.major', 'code', 'online', 'changing', 'rating', 'os'];

/** Requests for every opcode that reads fields, every filter operator on every field, and FQL statements. */
function battery(now: number): { request?: Record<string, unknown>; fql?: string }[] {
  const out: { request?: Record<string, unknown>; fql?: string }[] = [];
  const count = (filters: unknown[]) => out.push({ request: { opcode: 'count', table: 'events', filters } });
  for (const field of FIELDS) {
    for (const value of ['android', 'good', '42', 'n1', 'true']) count([{ operator: 'equals', field, value }]);
    for (const value of [42, 2026, 0, 2.5, 1e21, 1e-7]) count([{ operator: 'equals', field, value }]);
    count([{ operator: 'equals', field, value: true }]);
    count([{ operator: 'not_equals', field, value: 'android' }]);
    count([{ operator: 'not_equals', field, value: 1 }]);
    count([{ operator: 'contains', field, value: 'o' }]);
    count([{ operator: 'wildcard', field, value: '*a?e*' }]);
    for (const operator of ['less_than', 'less_equal', 'greater_than', 'greater_equal']) {
      count([{ operator, field, value: 100 }]);
      count([{ operator, field, value: 'm' }]);
    }
    count([{ operator: 'between', field, from: 0, to: 2026 }]);
    count([{ operator: 'between', field, from: 'a', to: 'n' }]);
    count([{ operator: 'in', field, values: ['ios', 'good', 42, 7, true] }]);
    count([{ operator: 'not_in', field, values: ['ios', 'poor', 1] }]);
    count([{ operator: 'exists', field }]);
    count([{ operator: 'missing', field }]);
    out.push({ request: { opcode: 'count', table: 'events', field } });
    out.push({ request: { opcode: 'count', table: 'events', field, distinct: true } });
    out.push({ request: { opcode: 'group', table: 'events', nesting: [field] } });
    out.push({ request: { opcode: 'group', table: 'events', nesting: ['eventType', field], uniqueCountOn: 'os' } });
    out.push({ request: { opcode: 'distinct', table: 'events', nesting: [{ field, order: 'asc' }] } });
    out.push({ request: { opcode: 'distinct', table: 'events', nesting: [{ field: 'os', order: 'desc' }, { field, order: 'asc' }] } });
    out.push({ request: { opcode: 'histogram', table: 'events', period: 'hours', uniqueCountOn: field } });
    out.push({ request: { opcode: 'trend', table: 'events', field, period: 'hours' } });
    out.push({ request: { opcode: 'trend', table: 'events', field, period: 'days', values: ['android', '42', 'good', '2026'] } });
    out.push({ request: { opcode: 'query', table: 'events', sort: { field, order: 'asc' }, limit: 40 } });
    out.push({ request: { opcode: 'query', table: 'events', sort: { field, order: 'desc' }, limit: 40, from: 5 } });
    out.push({ fql: `select count(*) from events group by ${field} order by count desc, ${field}` });
    out.push({ fql: `select distinct(${field}) from events` });
  }
  for (const field of NUMERIC) {
    for (const aggregationType of ['sum', 'avg', 'min', 'max']) {
      out.push({ request: { opcode: 'group', table: 'events', nesting: ['os'], aggregationField: field, aggregationType } });
    }
    out.push({ request: { opcode: 'stats', table: 'events', field, percentiles: [1, 50, 95, 99.9] } });
    out.push({ request: { opcode: 'stats', table: 'events', field, nesting: ['eventType', 'routeType'] } });
    out.push({ request: { opcode: 'statstrend', table: 'events', field, period: 'hours', nesting: ['os'] } });
    out.push({ fql: `select stats(${field}) from events where eventType = 'WEB_VITAL'` });
    out.push({ fql: `select sum(${field}) from events where ${field} > 1` });
  }
  out.push({ request: { opcode: 'count', table: 'events', filters: [{ operator: 'last', duration: '3h' }, { operator: 'equals', field: 'os', value: 'ios' }, { operator: 'greater_than', field: 'value', value: 1 }] } });
  out.push({ request: { opcode: 'histogram', table: 'events', period: 'minutes', filters: [{ operator: 'last', field: 'value', duration: '1s', currentTime: 1500 }] } });
  out.push({ request: { opcode: 'group', table: 'events', nesting: ['os', 'appVersion.major', 'online'], filters: [{ operator: 'between', field: '_timestamp', from: now - 10 * HOUR, to: now }] } });
  out.push({ fql: "select os, value, code from events where value is not null and os <> 'ios' order by value desc limit 30" });
  out.push({ fql: "select * from events where rating like 'goo%' and online = true order by changing limit 20" });
  out.push({ fql: "select histogram('hours') from events where code in ('42', '007') and last('12h')" });
  out.push({ fql: "select trend(routeType, 'hours') from events where nested.level.name = 'n2'" });
  out.push({ fql: "select statstrend(value, 'hours') from events where metric = 'LCP'" });
  out.push({ fql: 'select count(distinct code) from events group by os, appVersion.major order by count(distinct code) desc, os, appVersion.major limit 5' });
  return out;
}

/** Deep equality, numbers equal to 12 significant digits (the order floating-point sums add up in is the engine's). */
function assertSame(actual: unknown, expected: unknown, message: string): void {
  const close = (a: unknown, b: unknown): boolean => {
    if (typeof a === 'number' && typeof b === 'number') return a === b || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
    if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => close(x, b[i]));
    if (a && b && typeof a === 'object' && typeof b === 'object') {
      const keys = Object.keys(a);
      return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && close((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
    }
    return a === b;
  };
  if (!close(actual, expected)) assert.deepEqual(actual, expected, message);
}

/** An FQL table without its column widths (the printed length of a float sum's last digits). */
function comparable(body: unknown): unknown {
  const table = body as { headers?: { name: string }[]; rows?: unknown };
  return Array.isArray(table.headers) ? { headers: table.headers.map((h) => h.name), rows: table.rows } : body;
}

for (const kind of telemetryStoreKinds()) {
  describe(`typed columns give the JSON's answers (${kind})`, () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'telemetry-columns-'));
    const schema = kind === 'postgres' ? `c_${crypto.randomBytes(6).toString('hex')}` : undefined;
    let json: TelemetryServer;
    let typed: TelemetryServer;
    let now: number;
    const openTyped = async () => {
      typed = await startTelemetryServer(kind, { dataDir, ...(schema ? { schema } : {}), env: { TELEMETRY_COLUMNS_AFTER: '150' } });
      typed.clock.now = json.clock.now;
    };

    const post = async (server: TelemetryServer, route: string, body: unknown, accept = 'application/json') => {
      const text = typeof body === 'string';
      const res = await fetch(server.url + route, {
        method: 'POST',
        headers: { ...server.operator, 'content-type': text ? 'text/plain' : 'application/json', accept },
        body: text ? body : JSON.stringify(body),
      });
      return { status: res.status, body: await res.text() };
    };
    const both = async (route: string, body: unknown) => Promise.all([post(json, route, body), post(typed, route, body)]);
    /** `desc` of the typed server once no column is filling any more. */
    const settledDesc = async (): Promise<Record<string, string>[]> => {
      for (let attempt = 0; ; attempt++) {
        const rows = JSON.parse((await post(typed, '/foxtrot/v1/fql', 'desc events')).body).rows as Record<string, string>[];
        if (!rows.some((r) => r.stored?.includes('filling')) || attempt > 200) return rows;
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const compareAll = async () => {
      // FQL answers are cached for 30 s: each round asks after that, on both servers' clocks alike.
      json.clock.advance(31_000);
      typed.clock.now = json.clock.now;
      let compared = 0;
      for (const item of battery(now)) {
        const [a, b] = item.fql ? await both('/foxtrot/v1/fql', item.fql) : await both('/foxtrot/v1/analytics', { ...item.request, bypassCache: true });
        assert.equal(b.status, a.status, `${JSON.stringify(item)}: ${a.body.slice(0, 300)} / ${b.body.slice(0, 300)}`);
        assertSame(comparable(JSON.parse(b.body)), comparable(JSON.parse(a.body)), JSON.stringify(item));
        if (a.status === 200) compared++;
      }
      assert.ok(compared > 500, `${compared} answers compared`);
    };

    before(async () => {
      json = await startTelemetryServer(kind, { env: { TELEMETRY_COLUMNS_AFTER: 'off' } });
      now = json.clock.now;
      await openTyped();
      for (const server of [json, typed]) {
        assert.equal((await post(server, '/foxtrot/v1/tables', { name: 'events', ttl: 7 })).status, 201);
        const docs = firstDocuments(now);
        // Two requests: the typed server chooses its columns on the first and fills them for those rows.
        for (const part of [docs.slice(0, 100), docs.slice(100)]) assert.equal((await post(server, '/foxtrot/v1/document/events/bulk', part)).status, 201);
      }
    });
    after(async () => {
      await json.close();
      await typed.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (schema) {
        await dropSchema(schema);
      }
    });

    it('should map the frequent, stable fields to typed columns, and show it in desc', async () => {
      const rows = await settledDesc();
      const stored = Object.fromEntries(rows.map((r) => [r.field, r.stored]));
      // Top-level fields live in their column alone; nested ones stay in their object in the JSON too.
      for (const field of ['eventType', 'os', 'routeType', 'code', 'metric', 'maybe']) assert.match(stored[field]!, /^c\d+ VARCHAR$/, field);
      for (const field of ['value', 'changing']) assert.match(stored[field]!, /^c\d+ DOUBLE$/, field);
      for (const field of ['appVersion.major', 'appVersion.minor']) assert.match(stored[field]!, /^c\d+ DOUBLE \+ json$/, field);
      assert.match(stored['nested.level.name']!, /^c\d+ VARCHAR \+ json$/);
      assert.match(stored.online!, /^c\d+ BOOLEAN$/);
      // One number among 240 strings: a string column, its number in the JSON.
      assert.match(stored.rating!, /^c\d+ VARCHAR \+ json$/);
      assert.equal(stored.tags, 'json', 'arrays stay in the JSON');
      assert.equal(rows.find((r) => r.field === 'tags')?.type, 'array');
      assert.equal(rows.find((r) => r.field === 'maybe')?.type, 'string|null');
      const plain = JSON.parse((await post(json, '/foxtrot/v1/fql', 'desc events')).body).rows as Record<string, string>[];
      assert.ok(plain.every((r) => r.field === '_timestamp' || r.stored === 'json'), 'the other server keeps every field in the JSON');
    });

    it('should answer every opcode, filter and FQL statement the same from columns as from the JSON', async () => {
      await settledDesc();
      await compareAll();
    });

    it('should keep answering the same when fields change type, their other values read from the JSON', async () => {
      for (const server of [json, typed]) assert.equal((await post(server, '/foxtrot/v1/document/events/bulk', laterDocuments(now))).status, 201);
      const stored = Object.fromEntries((await settledDesc()).map((r) => [r.field, r.stored]));
      for (const field of ['os', 'online', 'changing', 'value', 'code']) assert.match(stored[field]!, /\+ json$/, field);
      assert.match(stored['appVersion.major']!, /^c\d+ DOUBLE \+ json$/, 'a path whose parent became a string simply has no value there');
      assert.equal((await both('/foxtrot/v1/analytics', { opcode: 'count', table: 'events' }))[1].body, '{"opcode":"count","count":300}');
      await compareAll();
    });

    it('should keep its mapping across a restart', async () => {
      const before = (await settledDesc()).map((r) => [r.field, r.stored]);
      await typed.close();
      await openTyped();
      assert.deepEqual((await settledDesc()).map((r) => [r.field, r.stored]), before);
      await compareAll();
    });
  });
}
