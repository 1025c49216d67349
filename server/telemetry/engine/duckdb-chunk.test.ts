import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BIGINT, BOOLEAN, DOUBLE, DuckDBDataChunk, DuckDBInstance, VARCHAR } from '@duckdb/node-api';
import { fillChunk } from './duckdb-chunk';

describe('fillChunk', () => {
  it('writes times, numbers, booleans and strings, none as NULL, into what DuckDB appends', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run('CREATE TABLE t (s VARCHAR, ts BIGINT, d DOUBLE, b BOOLEAN)');
    const rows = 150;
    // Inline (up to 12 UTF-8 bytes) and not: ASCII, accents, emoji, exactly 12 and 13 bytes, empty.
    const texts = ['', 'android', 'exactly12chr', 'thirteen-char', 'é', 'ééééééé', 'ééééééx', '😀😀😀', '😀😀😀😀', 'home-browse-product'];
    const s = Array.from({ length: rows }, (_, i) => (i % 7 === 0 ? null : `${texts[i % texts.length]}${i % 11 === 0 ? i : ''}`));
    const ts = Float64Array.from({ length: rows }, (_, i) => 1_764_000_000_000 + i * 4_294_967_297);
    const d = Float64Array.from({ length: rows }, (_, i) => (i % 5 === 0 ? NaN : i / 3 - 20));
    const b = Uint8Array.from({ length: rows }, (_, i) => i % 3);
    const appender = await connection.createAppender('t');
    // Two chunks from one set of columns, the second starting part-way.
    for (const [start, end] of [[0, 70], [70, rows]] as const) {
      const chunk = DuckDBDataChunk.create([VARCHAR, BIGINT, DOUBLE, BOOLEAN], end - start);
      fillChunk(chunk, [{ kind: 'varchar', values: s }, { kind: 'bigint', values: ts }, { kind: 'double', values: d }, { kind: 'boolean', values: b }], start, end);
      appender.appendDataChunk(chunk);
    }
    appender.flushSync();
    appender.closeSync();
    const result = (await connection.runAndReadAll('SELECT s, ts, d, b FROM t')).getRowObjectsJS();
    // Inline strings compare and group like any others.
    const grouped = (await connection.runAndReadAll("SELECT count(*) AS n FROM t WHERE s = 'android' OR s = 'exactly12chr'")).getRowObjectsJS();
    assert.equal(grouped[0]!.n, BigInt(s.filter((v) => v === 'android' || v === 'exactly12chr').length));
    assert.equal(result.length, rows);
    result.forEach((row, i) => {
      assert.deepEqual(row, { s: s[i], ts: BigInt(ts[i]!), d: Number.isNaN(d[i]) ? null : d[i], b: b[i] === 2 ? null : b[i] === 1 }, `row ${i}`);
    });
    connection.closeSync();
    instance.closeSync();
  });
});
