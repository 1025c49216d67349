/**
 * Foxtrot-compatible telemetry API over HTTP, on every store: tables, ingestion, every opcode and
 * filter operator, the 30 s cache, TTL with the injected clock, FQL (JSON, text, CSV) and bad input.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTelemetryServer, telemetryStoreKinds, type TelemetryServer } from '../support/telemetry-server';
import { jsonOrUndefined } from '../support/browser';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

for (const kind of telemetryStoreKinds()) {
  describe(`foxtrot telemetry (${kind})`, () => {
    let server: TelemetryServer;
    let now: number;

    /** As an operator unless `headers` say otherwise (`authorization: ''` sends none). */
    const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
      const all: Record<string, string> = { ...server.operator, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers };
      const res = await fetch(server.url + path, {
        method,
        headers: Object.fromEntries(Object.entries(all).filter(([, value]) => value !== '')),
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, json: jsonOrUndefined(text), text, headers: res.headers };
    };
    const analytics = async (request: Record<string, unknown>) => {
      const res = await call('POST', '/foxtrot/v1/analytics', { bypassCache: true, ...request });
      assert.equal(res.status, 200, res.text);
      return res.json;
    };
    const count = async (filters: unknown[], table = 'events') => (await analytics({ opcode: 'count', table, filters })).count as number;
    const fql = async (query: string, accept = 'application/json') => {
      const res = await fetch(`${server.url}/foxtrot/v1/fql`, { method: 'POST', headers: { ...server.operator, 'content-type': 'text/plain', accept }, body: query });
      const text = await res.text();
      return { status: res.status, text, json: accept.includes('json') ? JSON.parse(text) : undefined };
    };
    const rows = async (query: string) => {
      const res = await fql(query);
      assert.equal(res.status, 200, res.text);
      return res.json.rows as Record<string, unknown>[];
    };

    before(async () => {
      server = await startTelemetryServer(kind);
      now = server.clock.now;
      assert.equal((await call('POST', '/foxtrot/v1/tables', { name: 'events', ttl: 7 })).status, 201);
      const docs = [
        { id: 'd1', timestamp: now - 10 * MIN, data: { os: 'android', version: { major: '4', minor: '4' }, page: 'home', duration: 100 } },
        { id: 'd2', timestamp: now - 20 * MIN, data: { os: 'android', version: { major: '4', minor: '4' }, page: 'cart', duration: 200 } },
        { id: 'd3', timestamp: now - 30 * MIN, data: { os: 'android', version: { major: '5', minor: '0' }, page: 'home', duration: 300 } },
        { id: 'd4', timestamp: now - 2 * HOUR, data: { os: 'ios', version: { major: '9', minor: '1' }, page: 'home', duration: 400 } },
        { id: 'd5', timestamp: now - 26 * HOUR, data: { os: 'ios', version: { major: '9', minor: '1' }, page: 'checkout', duration: 500, note: 'a,"b"\nc' } },
        { id: 'd6', timestamp: now - 5 * MIN, data: { os: 'windows', page: 'home', name: 'Hello World' } },
      ];
      const res = await call('POST', '/foxtrot/v1/document/events/bulk', docs);
      assert.equal(res.status, 201, res.text);
      assert.deepEqual(res.json, { accepted: 6, rejected: [] });
    });
    after(() => server.close());

    describe('tables', () => {
      it('lists created tables and the shop’s own', async () => {
        const res = await call('GET', '/foxtrot/v1/tables');
        assert.deepEqual(res.json.map((t: { name: string }) => t.name), ['events', 'push', 'server', 'storefront']);
        assert.deepEqual((await call('GET', '/foxtrot/v1/tables/events')).json, { name: 'events', ttl: 7 });
      });
      it('rejects duplicates, bad names and unknown tables with stable codes', async () => {
        assert.equal((await call('POST', '/foxtrot/v1/tables', { name: 'events', ttl: 7 })).json.error.code, 'telemetry-table-exists');
        assert.equal((await call('POST', '/foxtrot/v1/tables', { name: 'Bad-Name', ttl: 7 })).json.error.code, 'bad-request');
        assert.equal((await call('POST', '/foxtrot/v1/tables', { name: 'ok', ttl: 0 })).status, 400);
        const missing = await call('GET', '/foxtrot/v1/tables/nope');
        assert.equal(missing.status, 404);
        assert.equal(missing.json.error.code, 'telemetry-table-not-found');
      });
    });

    describe('who may read', () => {
      it('should take documents from anyone, but answer queries and manage tables only for operators', async () => {
        const anyone = { authorization: '' };
        assert.equal((await call('POST', '/foxtrot/v1/tables', { name: 'open', ttl: 3 })).status, 201);
        assert.equal((await call('POST', '/foxtrot/v1/document/open', { id: 'open-1', data: { os: 'android' } }, anyone)).status, 201);
        assert.equal((await call('POST', '/foxtrot/v1/document/open/bulk', [{ id: 'open-2', data: {} }], anyone)).status, 201);
        const refused = [
          await call('GET', '/foxtrot/v1/tables', undefined, anyone),
          await call('GET', '/foxtrot/v1/tables/open', undefined, anyone),
          await call('POST', '/foxtrot/v1/tables', { name: 'sneaky', ttl: 1 }, anyone),
          await call('POST', '/foxtrot/v1/analytics', { opcode: 'count', table: 'open' }, anyone),
          await call('POST', '/foxtrot/v1/fql', 'select * from open', { ...anyone, 'content-type': 'text/plain' }),
          await call('GET', `/foxtrot/v1/fql/download?q=${encodeURIComponent('select * from open')}`, undefined, anyone),
          await call('POST', '/foxtrot/v1/analytics', { opcode: 'count', table: 'open' }, { authorization: 'Bearer not-the-token-but-long-enough-to-try' }),
        ];
        for (const res of refused) {
          assert.equal(res.status, 401, res.text);
          assert.equal(res.json.error.code, 'operator-required');
        }
        assert.equal((await call('GET', '/foxtrot/v1/tables/sneaky')).status, 404, 'nothing was created');
        assert.equal(await count([], 'open'), 2);
      });
    });

    describe('documents', () => {
      it('stores a single document once per id, with the timestamp defaulting to now', async () => {
        await call('POST', '/foxtrot/v1/tables', { name: 'single', ttl: 3 });
        const first = await call('POST', '/foxtrot/v1/document/single', { id: 'x1', data: { a: 1 } });
        assert.equal(first.status, 201);
        assert.equal((await call('POST', '/foxtrot/v1/document/single', { id: 'x1', data: { a: 2 } })).status, 201);
        await call('POST', '/foxtrot/v1/document/single/bulk', [{ id: 'x1', data: { a: 3 } }, { id: 'x2', data: { a: 4 } }, { id: 'x2', data: { a: 5 } }]);
        const res = await analytics({ opcode: 'query', table: 'single', sort: { field: 'a', order: 'asc' } });
        assert.deepEqual(res.documents.map((d: { id: string; data: { a: number } }) => [d.id, d.data.a]), [['x1', 1], ['x2', 4]]);
        assert.equal(res.documents[0].timestamp, now);
        assert.equal(res.totalHits, 2);
      });

      it('keeps every valid document of a bulk request and lists the rejected ones', async () => {
        await call('POST', '/foxtrot/v1/tables', { name: 'partial', ttl: 3 });
        let deep: Record<string, unknown> = { leaf: 1 };
        for (let i = 0; i < 25; i++) deep = { n: deep };
        const res = await call('POST', '/foxtrot/v1/document/partial/bulk', [
          { id: 'ok1', data: { a: 1 } },
          { data: { a: 2 } },
          { id: 'bad-data', data: [1, 2] },
          { id: 'deep', data: deep },
          { id: 'huge', data: { blob: 'x'.repeat(33 * 1024) } },
          { id: 'bad-time', timestamp: 'yesterday', data: {} },
          'not a document',
          { id: 'ok2', data: { a: 3 } },
        ]);
        assert.equal(res.status, 201);
        assert.equal(res.json.accepted, 2);
        assert.deepEqual(res.json.rejected.map((r: { index: number }) => r.index), [1, 2, 3, 4, 5, 6]);
        assert.ok(res.json.rejected.every((r: { reason: { code: string } }) => r.reason.code === 'invalid-document'));
        assert.equal(await count([], 'partial'), 2);
      });

      it('answers bad requests with a 4xx and a stable code, never a 500', async () => {
        const cases: [string, string, unknown, number, string][] = [
          ['POST', '/foxtrot/v1/document/events/bulk', '[{"id": "a", ', 400, 'invalid-json'],
          ['POST', '/foxtrot/v1/document/events', { data: { a: 1 } }, 400, 'invalid-document'],
          ['POST', '/foxtrot/v1/document/events', { id: 'z', data: 'text' }, 400, 'invalid-document'],
          ['POST', '/foxtrot/v1/document/events', { id: 'z', data: { blob: 'x'.repeat(33 * 1024) } }, 400, 'invalid-document'],
          ['POST', '/foxtrot/v1/document/nope', { id: 'z', data: {} }, 404, 'telemetry-table-not-found'],
          ['POST', '/foxtrot/v1/document/events/bulk', Array.from({ length: 2001 }, (_, i) => ({ id: `m${i}`, data: {} })), 413, 'too-many-documents'],
          ['POST', '/foxtrot/v1/document/events/bulk', [{ id: 'big', data: { blob: 'x'.repeat(1100 * 1024) } }], 413, 'payload-too-large'],
          ['POST', '/foxtrot/v1/document/events/bulk', { id: 'not-an-array', data: {} }, 400, 'invalid-document'],
          ['POST', '/foxtrot/v1/document/events/bulk', [{ nope: true }], 400, 'invalid-document'],
          ['POST', '/foxtrot/v1/analytics', { opcode: 'explode', table: 'events' }, 400, 'unknown-opcode'],
          ['POST', '/foxtrot/v1/analytics', { opcode: 'count', table: 'events', filters: [{ operator: 'near', field: 'os', value: 1 }] }, 400, 'unknown-filter-operator'],
          ['POST', '/foxtrot/v1/analytics', { opcode: 'count', table: 'events', filters: [{ operator: 'equals', field: "os'; drop", value: 1 }] }, 400, 'invalid-field'],
          ['POST', '/foxtrot/v1/analytics', { opcode: 'count', table: 'nope' }, 404, 'telemetry-table-not-found'],
          ['POST', '/foxtrot/v1/analytics', { opcode: 'histogram', table: 'events', period: 'fortnights' }, 400, 'bad-request'],
          ['POST', '/foxtrot/v1/analytics', { opcode: 'count', table: 'events', filters: [{ operator: 'last', duration: 'soon' }] }, 400, 'bad-request'],
        ];
        for (const [method, path, body, status, code] of cases) {
          const res = await call(method, path, body);
          assert.equal(res.status, status, `${path} ${JSON.stringify(body).slice(0, 80)} → ${res.text.slice(0, 200)}`);
          assert.equal(res.json?.error?.code, code, res.text.slice(0, 200));
        }
        assert.equal(await count([], 'events'), 6, 'nothing from the bad requests was stored');
      });
    });

    describe('analytics opcodes', () => {
      it('query sorts, pages and counts hits', async () => {
        const res = await analytics({ opcode: 'query', table: 'events', sort: { field: 'duration', order: 'asc' }, from: 1, limit: 2 });
        assert.equal(res.opcode, 'query');
        assert.deepEqual(res.documents.map((d: { id: string }) => d.id), ['d2', 'd3']);
        assert.equal(res.totalHits, 6);
        const newest = await analytics({ opcode: 'query', table: 'events', limit: 1 });
        assert.deepEqual(newest.documents[0], { id: 'd6', timestamp: now - 5 * MIN, data: { os: 'windows', page: 'home', name: 'Hello World' } });
      });

      it('count counts documents, a field, and distinct values', async () => {
        assert.deepEqual(await analytics({ opcode: 'count', table: 'events' }), { opcode: 'count', count: 6 });
        assert.equal((await analytics({ opcode: 'count', table: 'events', field: 'duration' })).count, 5);
        assert.equal((await analytics({ opcode: 'count', table: 'events', field: 'os', distinct: true })).count, 3);
      });

      it('distinct lists value combinations in the asked order', async () => {
        const res = await analytics({ opcode: 'distinct', table: 'events', nesting: [{ field: 'os', order: 'asc' }, { field: 'page', order: 'desc' }] });
        assert.deepEqual(res, {
          opcode: 'distinct',
          headers: ['os', 'page'],
          result: [['android', 'home'], ['android', 'cart'], ['ios', 'home'], ['ios', 'checkout'], ['windows', 'home']],
        });
      });

      it('group nests counts by fields, with uniqueCountOn and aggregations', async () => {
        assert.deepEqual(await analytics({ opcode: 'group', table: 'events', nesting: ['os', 'version.major'] }), {
          opcode: 'group',
          result: { android: { '4': 2, '5': 1 }, ios: { '9': 2 } },
        });
        assert.deepEqual((await analytics({ opcode: 'group', table: 'events', nesting: ['os'], uniqueCountOn: 'page' })).result, { android: 2, ios: 2, windows: 1 });
        assert.deepEqual((await analytics({ opcode: 'group', table: 'events', nesting: ['os'], aggregationField: 'duration', aggregationType: 'sum' })).result, {
          android: 600,
          ios: 900,
          windows: 0,
        });
      });

      it('histogram counts per period', async () => {
        const res = await analytics({ opcode: 'histogram', table: 'events', period: 'days', filters: [{ operator: 'last', duration: '3d' }] });
        const today = Math.floor(now / DAY) * DAY;
        const total = res.counts.reduce((n: number, c: { count: number }) => n + c.count, 0);
        assert.equal(total, 6);
        assert.ok(res.counts.every((c: { period: number }) => c.period % DAY === 0 && c.period <= today));
        const hourly = await analytics({ opcode: 'histogram', table: 'events', period: 'hours', filters: [{ operator: 'last', duration: '1h' }] });
        assert.equal(hourly.counts.reduce((n: number, c: { count: number }) => n + c.count, 0), 4);
        assert.ok(hourly.counts.every((c: { period: number }) => c.period % HOUR === 0));
      });

      it('trend gives a histogram per value', async () => {
        const res = await analytics({ opcode: 'trend', table: 'events', field: 'os', period: 'days', values: ['android', 'linux'] });
        assert.deepEqual(Object.keys(res.trends).sort(), ['android', 'linux']);
        assert.equal(res.trends.android.reduce((n: number, c: { count: number }) => n + c.count, 0), 3);
        assert.deepEqual(res.trends.linux, []);
        const all = await analytics({ opcode: 'trend', table: 'events', field: 'os', period: 'hours' });
        assert.deepEqual(Object.keys(all.trends).sort(), ['android', 'ios', 'windows']);
      });

      it('stats gives Foxtrot’s stats and percentiles, with nested buckets', async () => {
        const res = await analytics({ opcode: 'stats', table: 'events', field: 'duration', percentiles: [50, 99], nesting: ['os'] });
        assert.equal(res.opcode, 'stats');
        assert.deepEqual(
          { ...res.result.stats, variance: Math.round(res.result.stats.variance), std_deviation: Math.round(res.result.stats.std_deviation) },
          { count: 5, min: 100, max: 500, avg: 300, sum: 1500, sum_of_squares: 550000, variance: 20000, std_deviation: 141 },
        );
        assert.equal(res.result.percentiles['50.0'], 300);
        assert.ok(Math.abs(res.result.percentiles['99.0'] - 496) < 1e-9);
        assert.deepEqual(res.buckets.map((b: { key: string; result: { stats: { count: number } } }) => [b.key, b.result.stats.count]), [['android', 3], ['ios', 2]]);
        const some = await analytics({ opcode: 'stats', table: 'events', field: 'duration', stats: ['max'], percentiles: [] });
        assert.deepEqual(some.result, { stats: { max: 500 } });
      });

      it('statstrend gives stats per period', async () => {
        const res = await analytics({ opcode: 'statstrend', table: 'events', field: 'duration', period: 'hours', stats: ['count', 'sum'], percentiles: [50], filters: [{ operator: 'last', duration: '1h' }] });
        assert.equal(res.opcode, 'statstrend');
        assert.equal(res.result.reduce((n: number, r: { stats: { sum: number } }) => n + r.stats.sum, 0), 600);
        assert.ok(res.result.every((r: { period: number; percentiles: Record<string, number> }) => r.period % HOUR === 0 && '50.0' in r.percentiles));
        const nested = await analytics({ opcode: 'statstrend', table: 'events', field: 'duration', period: 'days', nesting: ['os'], stats: ['count'] });
        assert.deepEqual(nested.buckets.map((b: { key: string }) => b.key), ['android', 'ios']);
        assert.equal(nested.buckets[1].result.reduce((n: number, r: { stats: { count: number } }) => n + r.stats.count, 0), 2);
      });

      it('multi_query answers each named request', async () => {
        const res = await analytics({
          opcode: 'multi_query',
          requests: { all: { opcode: 'count', table: 'events' }, byOs: { opcode: 'group', table: 'events', nesting: ['os'] } },
        });
        assert.deepEqual(res, {
          opcode: 'multi_query',
          responses: { all: { opcode: 'count', count: 6 }, byOs: { opcode: 'group', result: { android: 3, ios: 2, windows: 1 } } },
        });
      });

      it('multi_time_query runs one request over earlier windows', async () => {
        const res = await analytics({
          opcode: 'multi_time_query',
          sampleSize: 2,
          skipDuration: '1d',
          actionRequest: { opcode: 'count', table: 'events', filters: [{ operator: 'last', duration: '3h' }] },
        });
        assert.equal(res.opcode, 'multi_time_query');
        assert.deepEqual(res.responses, {
          [String(now - 3 * HOUR)]: { opcode: 'count', count: 5 },
          [String(now - 3 * HOUR - DAY)]: { opcode: 'count', count: 1 },
        });
      });
    });

    describe('filters', () => {
      const cases: [string, (now: number) => unknown[], number][] = [
        ['equals text', (now) => [{ operator: 'equals', field: 'os', value: 'android' }], 3],
        ['equals nested path', (now) => [{ operator: 'equals', field: 'version.major', value: '9' }], 2],
        ['equals number', (now) => [{ operator: 'equals', field: 'duration', value: 300 }], 1],
        ['not_equals keeps documents without the field', (now) => [{ operator: 'not_equals', field: 'duration', value: 300 }], 5],
        ['contains', (now) => [{ operator: 'contains', field: 'name', value: 'lo Wo' }], 1],
        ['wildcard', (now) => [{ operator: 'wildcard', field: 'page', value: 'c*t' }], 2],
        ['wildcard with ?', (now) => [{ operator: 'wildcard', field: 'page', value: 'h?me' }], 4],
        ['less_than', (now) => [{ operator: 'less_than', field: 'duration', value: 300 }], 2],
        ['less_equal', (now) => [{ operator: 'less_equal', field: 'duration', value: 300 }], 3],
        ['greater_than', (now) => [{ operator: 'greater_than', field: 'duration', value: 300 }], 2],
        ['greater_equal', (now) => [{ operator: 'greater_equal', field: 'duration', value: 300 }], 3],
        ['between', (now) => [{ operator: 'between', field: 'duration', from: 200, to: 400 }], 3],
        ['between on _timestamp', (now) => [{ operator: 'between', field: '_timestamp', from: now - HOUR, to: now }], 4],
        ['in', (now) => [{ operator: 'in', field: 'os', values: ['ios', 'windows'] }], 3],
        ['not_in', (now) => [{ operator: 'not_in', field: 'os', values: ['ios', 'windows'] }], 3],
        ['exists', (now) => [{ operator: 'exists', field: 'version.major' }], 5],
        ['missing', (now) => [{ operator: 'missing', field: 'duration' }], 1],
        ['any', (now) => [{ operator: 'any' }], 6],
        ['last', (now) => [{ operator: 'last', duration: '15m' }], 2],
        ['last with currentTime', (now) => [{ operator: 'last', duration: '1h', currentTime: now - 90 * MIN }], 1],
        ['filters combine with AND', (now) => [{ operator: 'equals', field: 'os', value: 'android' }, { operator: 'greater_than', field: 'duration', value: 150 }], 2],
      ];
      for (const [name, filters, expected] of cases) {
        it(name, async () => {
          assert.equal(await count(filters(now)), expected);
        });
      }
    });

    describe('fql', () => {
      it('shows tables and describes one', async () => {
        assert.ok((await rows('show tables')).some((r) => r.name === 'events' && r.ttl === 7));
        const fields = await rows('desc events');
        // Six documents are too few for typed columns (1,000 by default): every field is in the JSON.
        assert.deepEqual(fields.find((r) => r.field === 'version.major'), { field: 'version.major', type: 'string', stored: 'json', seen: '83%' });
        assert.deepEqual(fields.find((r) => r.field === 'duration'), { field: 'duration', type: 'long', stored: 'json', seen: '83%' });
        assert.deepEqual(fields[0], { field: '_timestamp', type: 'date', stored: 'ts BIGINT', seen: '100%' });
      });

      it('counts, aggregates and groups', async () => {
        assert.deepEqual(await rows('select count(*) from events'), [{ count: 6 }]);
        assert.deepEqual(await rows('select count(distinct os) from events'), [{ count: 3 }]);
        assert.deepEqual(await rows("select count(duration) from events where os = 'android'"), [{ count: 3 }]);
        assert.deepEqual(await rows('select sum(duration) from events'), [{ 'sum(duration)': 1500 }]);
        assert.deepEqual(await rows('select avg(duration) from events'), [{ 'avg(duration)': 300 }]);
        assert.deepEqual(await rows('select min(duration) from events'), [{ 'min(duration)': 100 }]);
        assert.deepEqual(await rows('select max(duration) from events'), [{ 'max(duration)': 500 }]);
        assert.deepEqual(await rows('select * from events group by os, version.major'), [
          { os: 'android', 'version.major': '4', count: 2 },
          { os: 'android', 'version.major': '5', count: 1 },
          { os: 'ios', 'version.major': '9', count: 2 },
        ].sort((a, b) => a.os.localeCompare(b.os) || a['version.major'].localeCompare(b['version.major'])));
      });

      it('orders grouped counts by the count, as count(*) or count, and limits them', async () => {
        const expected = [{ os: 'android', count: 3 }, { os: 'ios', count: 2 }, { os: 'windows', count: 1 }];
        assert.deepEqual(await rows('select count(*) from events group by os order by count(*) desc'), expected);
        assert.deepEqual(await rows('select count(*) from events group by os order by count desc'), expected);
        assert.deepEqual(await rows('select * from events group by os order by count asc limit 2'), [{ os: 'windows', count: 1 }, { os: 'ios', count: 2 }]);
        assert.deepEqual(await rows('select count(distinct page) from events group by os order by count(distinct page) limit 1'), [{ os: 'windows', 'count(distinct page)': 1 }]);
      });

      it('selects documents with where, order by, limit and offset', async () => {
        const res = await rows("select os, duration from events where os <> 'windows' and duration >= 200 order by duration desc limit 2 offset 1");
        assert.deepEqual(res, [{ os: 'ios', duration: 400 }, { os: 'android', duration: 300 }]);
        assert.equal((await rows("select * from events where page in ('cart', 'checkout')")).length, 2);
        assert.equal((await rows("select * from events where page not in ('home')")).length, 2);
        assert.equal((await rows('select * from events where duration between 100 and 200')).length, 2);
        assert.equal((await rows("select * from events where page like 'ch%'")).length, 1);
        assert.equal((await rows("select * from events where name like 'World'")).length, 1);
        assert.equal((await rows('select * from events where duration is null')).length, 1);
        assert.equal((await rows('select * from events where version.minor is not null')).length, 5);
        assert.equal((await rows("select * from events where last('1h')")).length, 4);
        assert.equal((await rows(`select * from events where temporal(_timestamp) between ${now - HOUR} and ${now}`)).length, 4);
        const star = await rows('select * from events where os = \'windows\'');
        assert.deepEqual(star, [{ _id: 'd6', _timestamp: now - 5 * MIN, name: 'Hello World', os: 'windows', page: 'home' }]);
      });

      it('runs histogram, trend, stats, statstrend and distinct', async () => {
        const hist = await rows("select histogram('hours') from events where last('1h')");
        assert.equal(hist.reduce((n, r) => n + (r.count as number), 0), 4);
        const trend = await rows("select trend(os, 'days') from events");
        assert.equal(trend.filter((r) => r.os === 'android').reduce((n, r) => n + (r.count as number), 0), 3);
        const [stats] = await rows('select stats(duration) from events');
        assert.equal(stats!.avg, 300);
        assert.equal(stats!['p50.0'], 300);
        const st = await rows("select statstrend(duration, 'days') from events");
        assert.equal(st.reduce((n, r) => n + (r.count as number), 0), 5);
        assert.deepEqual(await rows('select distinct(os) from events'), [{ os: 'windows' }, { os: 'ios' }, { os: 'android' }]);
      });

      it('answers text for Accept: text/plain', async () => {
        const res = await fql('select count(*) from events', 'text/plain');
        assert.equal(res.status, 200);
        assert.match(res.text, /\| count \|\n\+-+\+\n\| 6 +\|/);
      });

      it('downloads CSV with escaping', async () => {
        const res = await fetch(`${server.url}/foxtrot/v1/fql/download?q=${encodeURIComponent("select _id, note from events where os = 'ios' order by duration desc")}`, { headers: server.operator });
        assert.equal(res.status, 200);
        assert.match(res.headers.get('content-type')!, /^text\/csv/);
        assert.match(res.headers.get('content-disposition')!, /attachment/);
        assert.equal(await res.text(), '_id,note\r\nd5,"a,""b""\nc"\r\nd4,\r\n');
      });

      it('rejects malformed or unsupported FQL with invalid-fql', async () => {
        for (const q of ['selec * from events', 'select * from events where os = 1 or os = 2', 'select * from a join b', '', 'select nope(x) from events']) {
          const res = await fql(q);
          assert.equal(res.status, 400, q);
          assert.equal(res.json.error.code, 'invalid-fql', q);
        }
        const unknownTable = await fql('select * from nope');
        assert.equal(unknownTable.json.error.code, 'telemetry-table-not-found');
      });
    });
    describe('cache', () => {
      it('answers the same request from the cache for 30 s unless bypassCache is set', async () => {
        await call('POST', '/foxtrot/v1/tables', { name: 'cached', ttl: 3 });
        await call('POST', '/foxtrot/v1/document/cached', { id: 'c1', data: {} });
        const ask = (extra: Record<string, unknown> = {}) => call('POST', '/foxtrot/v1/analytics', { opcode: 'count', table: 'cached', ...extra });
        const first = await ask();
        assert.equal(first.headers.get('x-foxtrot-cache'), 'miss');
        await call('POST', '/foxtrot/v1/document/cached', { id: 'c2', data: {} });
        const second = await ask();
        assert.equal(second.headers.get('x-foxtrot-cache'), 'hit');
        assert.equal(second.json.count, 1);
        const bypassed = await ask({ bypassCache: true });
        assert.equal(bypassed.headers.get('x-foxtrot-cache'), 'miss');
        assert.equal(bypassed.json.count, 2);
        server.clock.advance(31_000);
        const later = await ask();
        assert.equal(later.headers.get('x-foxtrot-cache'), 'miss');
        assert.equal(later.json.count, 2);
      });
    });

    describe('ttl', () => {
      it('never returns events past their table’s TTL', async () => {
        await call('POST', '/foxtrot/v1/tables', { name: 'short', ttl: 1 });
        await call('POST', '/foxtrot/v1/document/short', { id: 's1', timestamp: server.clock.now, data: { k: 1 } });
        assert.equal(await count([], 'short'), 1);
        server.clock.advance(DAY + MIN);
        assert.equal(await count([], 'short'), 0);
        assert.deepEqual((await analytics({ opcode: 'query', table: 'short' })).documents, []);
      });
    });

  });
}
