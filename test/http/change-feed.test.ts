/**
 * Two nodes of one shop on one PostgreSQL database follow each other's catalog changes, and
 * changes made with plain SQL, through the change feed (decisions/0018): search and product
 * answers show them; a node that lost its listening connection or was stopped catches up;
 * transactions committing out of sequence order are neither missed nor waited for forever.
 * PostgreSQL only: SQLite is one process, which announces its own changes.
 * Waits poll until the answer shows the change; the test's timeout is the only bound.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import type { BrowseResult, Product, ProductSummary, SearchResult } from '../../shared/api-types';
import { pruneChanges } from '../../server/catalog/changes/change-pruning';
import { dropSchema, startServer, type TestServer } from '../support/server';

const databaseUrl = process.env.TEST_DATABASE_URL;
const TIMEOUT = { timeout: 30_000 };

describe('catalog changes across nodes (postgres)', { skip: databaseUrl ? false : 'needs TEST_DATABASE_URL' }, () => {
  const schema = `t_${crypto.randomBytes(6).toString('hex')}`;
  const table = `"${schema}".products`;
  let a: TestServer;
  let b: TestServer;
  /** A session like `psql`'s: no search_path of the shop's, so every table is named with its schema. */
  let psql: pg.Client;
  let products: ProductSummary[];

  const json = async <T>(server: TestServer, path: string): Promise<T> => {
    const res = await fetch(server.url + path);
    assert.equal(res.status, 200, path);
    return (await res.json()) as T;
  };
  const searchPrice = async (server: TestServer, product: ProductSummary): Promise<number | undefined> =>
    (await json<SearchResult>(server, `/api/catalog/search?q=${encodeURIComponent(product.title)}`)).products.find((p) => p.id === product.id)?.price;
  const productPrice = async (server: TestServer, id: string): Promise<number> => (await json<Product>(server, `/api/catalog/products/${id}`)).price;

  /** Reads until `ok` holds. */
  async function until<T>(read: () => Promise<T> | T, ok: (value: T) => boolean): Promise<T> {
    for (;;) {
      const value = await read();
      if (ok(value)) return value;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  /** Waits until both answers of `server` show `price` for `product`. */
  async function showsPrice(server: TestServer, product: ProductSummary, price: number): Promise<void> {
    await until(() => searchPrice(server, product), (shown) => shown === price);
    await until(() => productPrice(server, product.id), (shown) => shown === price);
  }

  before(async () => {
    a = await startServer('postgres', { sharedSchema: schema, seedProducts: 300 });
    b = await startServer('postgres', { sharedSchema: schema });
    psql = new pg.Client({ connectionString: databaseUrl });
    await psql.connect();
    products = (await json<BrowseResult>(a, '/api/catalog/browse/mobiles')).products;
    assert.ok(products.length >= 4);
  });
  after(async () => {
    await psql?.end();
    await a?.close();
    await b?.close();
    await dropSchema(schema);
  });

  it('shows a price changed with plain SQL in both nodes’ search and product answers', TIMEOUT, async () => {
    const product = products[0]!;
    // Held in memory on both nodes first, so what follows is the feed's doing.
    for (const node of [a, b]) {
      assert.equal(await searchPrice(node, product), product.price);
      assert.equal(await productPrice(node, product.id), product.price);
    }
    const price = product.price - 100;
    await psql.query(`UPDATE ${table} SET price = $2 WHERE id = $1`, [product.id, price]);
    await showsPrice(b, product, price);
    await showsPrice(a, product, price);
    // Operators see where each node's feed stands.
    const stats = (await (await fetch(`${b.url}/ops/api/catalog/answers`, { headers: b.operator })).json()) as { changes: { position: number; highest: number } };
    assert.ok(stats.changes.position > 0 && stats.changes.position <= stats.changes.highest);
  });

  it('shows an operator’s change made through one node on the other', TIMEOUT, async () => {
    const product = products[1]!;
    assert.equal(await productPrice(b, product.id), product.price);
    const price = product.price - 50;
    const res = await fetch(`${a.url}/ops/api/catalog/products/${product.id}`, {
      method: 'PATCH',
      headers: { ...a.operator, 'content-type': 'application/json' },
      body: JSON.stringify({ price }),
    });
    assert.equal(res.status, 200);
    // The node that made the change answers with it at once.
    assert.equal(await productPrice(a, product.id), price);
    await showsPrice(b, product, price);
  });

  it('finds a title changed with plain SQL on the other node (a change of text rebuilds the index)', TIMEOUT, async () => {
    const product = products[2]!;
    const search = () => json<SearchResult>(b, '/api/catalog/search?q=zephyrine');
    assert.ok(!(await search()).products.some((p) => p.id === product.id));
    await psql.query(`UPDATE ${table} SET title = title || ' Zephyrine' WHERE id = $1`, [product.id]);
    await until(search, (result) => result.products.some((p) => p.id === product.id));
  });

  it('applies a change committed after a later-numbered one, and holds its place until then', TIMEOUT, async () => {
    const [first, second] = [products[3]!, products[0]!];
    const slow = new pg.Client({ connectionString: databaseUrl });
    await slow.connect();
    try {
      await slow.query('BEGIN');
      // Takes the lower sequence number, and commits last.
      await slow.query(`UPDATE ${table} SET price = price - 7 WHERE id = $1`, [first.id]);
      const secondPrice = (await productPrice(b, second.id)) - 3;
      await psql.query(`UPDATE ${table} SET price = $2 WHERE id = $1`, [second.id, secondPrice]);
      await showsPrice(b, second, secondPrice);
      const held = b.shop.changes!.stats();
      assert.equal(held.waiting, true, 'the uncommitted number is still awaited');
      assert.ok(held.position < held.highest);
      await slow.query('COMMIT');
      await showsPrice(b, first, first.price - 7);
      await until(() => b.shop.changes!.stats(), (stats) => !stats.waiting && stats.position === stats.highest);
    } finally {
      await slow.end();
    }
  });

  it('does not wait for the number a rolled-back change took', TIMEOUT, async () => {
    const product = products[1]!;
    await psql.query('BEGIN');
    await psql.query(`UPDATE ${table} SET price = price - 1 WHERE id = $1`, [product.id]);
    await psql.query('ROLLBACK');
    const price = (await productPrice(b, product.id)) - 2;
    await psql.query(`UPDATE ${table} SET price = $2 WHERE id = $1`, [product.id, price]);
    await showsPrice(b, product, price);
    const stats = await until(() => b.shop.changes!.stats(), (s) => !s.waiting);
    assert.equal(stats.position, stats.highest);
  });

  it('catches up after losing its listening connection', TIMEOUT, async () => {
    const product = products[2]!;
    const pid = b.shop.changes!.listenerPid;
    assert.ok(pid);
    await psql.query('SELECT pg_terminate_backend($1)', [pid]);
    // Made while the node is reconnecting: its notice goes to nobody on that node.
    const price = (await productPrice(b, product.id)) - 5;
    await psql.query(`UPDATE ${table} SET price = $2 WHERE id = $1`, [product.id, price]);
    await showsPrice(b, product, price);
    await until(() => b.shop.changes!.listenerPid, (now) => now !== null && now !== pid);
  });

  it('records what changed: prices and stock apart from text, nothing for an update that changes nothing', TIMEOUT, async () => {
    const product = products[0]!;
    const changes = `"${schema}".catalog_changes`;
    const { rows: [{ seq: from }] } = await psql.query(`SELECT coalesce(max(seq), 0)::int AS seq FROM ${changes}`);
    await psql.query(`UPDATE ${table} SET stock = stock + 1 WHERE id = $1`, [product.id]);
    await psql.query(`UPDATE ${table} SET title = title WHERE id = $1`, [product.id]);
    await psql.query(`UPDATE ${table} SET description = description || '.' WHERE id = $1`, [product.id]);
    const { rows } = await psql.query(`SELECT table_name, key, op FROM ${changes} WHERE seq > $1 ORDER BY seq`, [from]);
    assert.deepEqual(rows, [
      { table_name: 'products', key: product.id, op: 'price_stock' },
      { table_name: 'products', key: product.id, op: 'update' },
    ]);
  });

  it('prunes old changes and keeps the highest pruned number', TIMEOUT, async () => {
    const { rows: [{ seq: newest }] } = await psql.query(`SELECT max(seq)::int AS seq FROM "${schema}".catalog_changes`);
    assert.ok((await pruneChanges(a.store.db, 0)) > 0);
    const { rows: [{ left }] } = await psql.query(`SELECT count(*)::int AS left FROM "${schema}".catalog_changes`);
    const { rows: [{ seq: pruned }] } = await psql.query(`SELECT seq::int FROM "${schema}".catalog_changes_pruned`);
    assert.equal(left, 0);
    assert.equal(pruned, newest);
    // Both nodes had read past it: nothing lost, and they follow the next change.
    const product = products[2]!;
    const price = (await productPrice(a, product.id)) - 4;
    await psql.query(`UPDATE ${table} SET price = $2 WHERE id = $1`, [product.id, price]);
    await showsPrice(a, product, price);
    await showsPrice(b, product, price);
  });

  it('shows a node stopped while changes were made every change once it starts again', TIMEOUT, async () => {
    const [priced, renamed] = [products[3]!, products[1]!];
    await b.close();
    const price = (await productPrice(a, priced.id)) - 11;
    await psql.query(`UPDATE ${table} SET price = $2 WHERE id = $1`, [priced.id, price]);
    await psql.query(`UPDATE ${table} SET title = title || ' Quillfeather' WHERE id = $1`, [renamed.id]);
    b = await startServer('postgres', { sharedSchema: schema });
    assert.equal(await productPrice(b, priced.id), price);
    assert.ok((await json<SearchResult>(b, '/api/catalog/search?q=quillfeather')).products.some((p) => p.id === renamed.id));
    // And it follows the changes made after it started.
    await psql.query(`UPDATE ${table} SET price = $2 WHERE id = $1`, [priced.id, price - 1]);
    await showsPrice(b, { ...priced, price: price - 1 }, price - 1);
  });
});
