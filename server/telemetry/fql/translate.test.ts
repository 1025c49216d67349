import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../errors/app-error';
import { translateFql } from './translate';

const request = (fql: string) => {
  const statement = translateFql(fql);
  assert.equal(statement.kind, 'action');
  return statement.kind === 'action' ? statement : assert.fail();
};

// Foxtrot's own documented FQL statements (its parser tests) and what they translate to.
describe('translateFql', () => {
  it('select * … where a is null → query with a missing filter', () => {
    assert.deepEqual(request('select * from europa where a is null').request, {
      opcode: 'query', table: 'europa', filters: [{ operator: 'missing', field: 'a' }], from: 0, limit: 10,
    });
  });

  it('fields, order by, limit and offset', () => {
    const { request: r, projection } = request('select abc.xyz, def from europa order by test.name limit 20 offset 5');
    assert.deepEqual(r, { opcode: 'query', table: 'europa', filters: [], from: 5, limit: 20, sort: { field: 'test.name', order: 'asc' } });
    assert.deepEqual(projection.fields, ['abc.xyz', 'def']);
  });

  it('group by → group with nesting', () => {
    assert.deepEqual(request('select * from europa group by test.name, test.surname').request, {
      opcode: 'group', table: 'europa', filters: [], nesting: ['test.name', 'test.surname'],
    });
  });

  it('group by ordered by the count: count(*), the count column, or count(distinct f)', () => {
    const byCount = request('select count(*) from t group by f order by count(*) desc');
    assert.deepEqual(byCount.request, { opcode: 'group', table: 't', filters: [], nesting: ['f'] });
    assert.deepEqual(byCount.projection.order, [{ column: 'count', desc: true }]);
    const byName = request('select * from t group by f order by count desc limit 3');
    assert.deepEqual(byName.projection, { fields: ['f'], order: [{ column: 'count', desc: true }], limit: 3 });
    assert.deepEqual(request('select count(distinct u) from t group by f order by count(distinct u)').projection.order, [{ column: 'count(distinct u)', desc: false }]);
    assert.deepEqual(request('select * from t group by f, g order by g desc, count').projection.order, [
      { column: 'g', desc: true },
      { column: 'count', desc: false },
    ]);
    assert.throws(() => translateFql('select * from t group by f order by other'), (e: unknown) => e instanceof AppError && e.code === 'invalid-fql');
  });

  it('mixed filters with temporal() between', () => {
    assert.deepEqual(request("select * from europa where a = 'b' and c = 2.5 and temporal(e) between 10 and 30 and x > 99 order by test.name limit 20 offset 5").request.filters, [
      { operator: 'equals', field: 'a', value: 'b' },
      { operator: 'equals', field: 'c', value: 2.5 },
      { operator: 'between', field: 'e', from: 10, to: 30 },
      { operator: 'greater_than', field: 'x', value: 99 },
    ]);
  });

  it('trend, statstrend, stats, histogram, count, last, distinct', () => {
    assert.deepEqual(request("select trend(header.configName, 'minutes', 'header.timestamp') from europa where a != 10 and a <= 20").request, {
      opcode: 'trend', table: 'europa', field: 'header.configName', period: 'minutes', timestamp: 'header.timestamp',
      filters: [{ operator: 'not_equals', field: 'a', value: 10 }, { operator: 'less_equal', field: 'a', value: 20 }],
    });
    assert.deepEqual(request("select statstrend(header.configName, 'minutes') from europa where a < 10").request, {
      opcode: 'statstrend', table: 'europa', field: 'header.configName', period: 'minutes', filters: [{ operator: 'less_than', field: 'a', value: 10 }],
    });
    assert.deepEqual(request('select stats(header.configName) from europa where a >=10').request, {
      opcode: 'stats', table: 'europa', field: 'header.configName', filters: [{ operator: 'greater_equal', field: 'a', value: 10 }],
    });
    assert.deepEqual(request("select histogram('minutes', 'header.timestamp') from europa where a in ('b', 'c')").request, {
      opcode: 'histogram', table: 'europa', period: 'minutes', field: 'header.timestamp', filters: [{ operator: 'in', field: 'a', values: ['b', 'c'] }],
    });
    assert.deepEqual(request("select count('header.timestamp') from europa where a like 'b'").request, {
      opcode: 'count', table: 'europa', field: 'header.timestamp', filters: [{ operator: 'contains', field: 'a', value: 'b' }],
    });
    assert.deepEqual(request("select eventType from europa where last('1m', 1000)").request.filters, [
      { operator: 'last', field: '_timestamp', duration: '1m', currentTime: 1000 },
    ]);
    assert.deepEqual(request('select distinct(eventType) from europa').request, {
      opcode: 'distinct', table: 'europa', filters: [], nesting: [{ field: 'eventType', order: 'desc' }],
    });
  });

  it('show tables and desc', () => {
    assert.deepEqual(translateFql('show tables'), { kind: 'show-tables' });
    assert.deepEqual(translateFql('desc europa'), { kind: 'desc', table: 'europa' });
  });

  it('count(distinct), aggregates, like patterns, not in, is not null', () => {
    assert.deepEqual(request('select count(distinct a.b.c) from t').request, { opcode: 'count', table: 't', filters: [], field: 'a.b.c', distinct: true });
    assert.deepEqual(request('select sum(x) from t').projection.aggregate, { stat: 'sum', label: 'sum(x)' });
    assert.deepEqual(request("select * from t where w like 'ab%' and q not in (1, 2) and z is not null").request.filters, [
      { operator: 'wildcard', field: 'w', value: 'ab*' },
      { operator: 'not_in', field: 'q', values: [1, 2] },
      { operator: 'exists', field: 'z' },
    ]);
  });

  it('rejects malformed FQL with invalid-fql', () => {
    for (const fql of ['', 'select distinct(eventType) from europa order by a desc where a = 10', 'select * from a where x = 1 or y = 2', 'delete from t', 'select frob(x) from t']) {
      assert.throws(() => translateFql(fql), (e: unknown) => e instanceof AppError && e.code === 'invalid-fql', fql);
    }
  });
});
