/**
 * The catalog's change feed on PostgreSQL (decisions/0018): statement triggers on every table the
 * catalog's answers and search read append what changed (table, key, op) to `catalog_changes`,
 * numbered by a bigserial, and `pg_notify` channel `catalog_changes` with the schema's name, so
 * every node hears of a change whoever made it (another node, an operator command, plain `psql`).
 * Pruning moves `catalog_changes_pruned.seq`, so a node that was away longer than the retention
 * knows it missed some. SQLite has one process, which announces its own changes: nothing here
 * applies to it.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/** Each watched table, the column its changes are keyed by, the columns a price or stock change touches, its primary key. */
const WATCHED = [
  { table: 'products', key: 'id', facts: 'price,mrp,discount_percent,stock', primaryKey: 'id' },
  { table: 'product_variants', key: 'product_id', facts: 'stock', primaryKey: 'id' },
  { table: 'product_reviews', key: 'product_id', facts: '', primaryKey: 'id' },
  { table: 'categories', key: 'slug', facts: '', primaryKey: 'slug' },
] as const;

const EVENTS = ['insert', 'update', 'delete', 'truncate'] as const;

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`
    CREATE TABLE catalog_changes (
      seq bigserial PRIMARY KEY,
      table_name text NOT NULL,
      key text NOT NULL,
      op text NOT NULL,
      changed_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX catalog_changes_changed_at ON catalog_changes (changed_at)`.execute(db);
  await sql`CREATE TABLE catalog_changes_pruned (id integer PRIMARY KEY CHECK (id = 1), seq bigint NOT NULL)`.execute(db);
  await sql`INSERT INTO catalog_changes_pruned (id, seq) VALUES (1, 0)`.execute(db);
  // One function for every table, run once per statement with the statement's rows (transition
  // tables), so a bulk insert costs one INSERT … SELECT, not one per row. TG_ARGV[0] names the key
  // column, TG_ARGV[1] the columns whose change alone is a price or stock change (`price_stock`:
  // nodes re-read sort keys, not the text), TG_ARGV[2] the primary key (it pairs old and new rows).
  // An UPDATE that changes nothing is not a change. The change table is named with the trigger's
  // schema, so a writer whose search_path differs (plain psql) writes the right one; the notice's
  // payload names the schema too, as shops (and test runs) may share a database and NOTIFY
  // channels are per database.
  await sql`
    CREATE FUNCTION catalog_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
    DECLARE
      target text := format('%I.catalog_changes', TG_TABLE_SCHEMA);
      facts text[] := string_to_array(TG_ARGV[1], ',');
      written bigint;
    BEGIN
      IF TG_OP = 'INSERT' THEN
        EXECUTE format('INSERT INTO %s (table_name, key, op) SELECT DISTINCT $1, to_jsonb(r)->>%L, $2 FROM new_rows r', target, TG_ARGV[0])
          USING TG_TABLE_NAME, 'insert';
      ELSIF TG_OP = 'DELETE' THEN
        EXECUTE format('INSERT INTO %s (table_name, key, op) SELECT DISTINCT $1, to_jsonb(r)->>%L, $2 FROM old_rows r', target, TG_ARGV[0])
          USING TG_TABLE_NAME, 'delete';
      ELSIF TG_OP = 'TRUNCATE' THEN
        EXECUTE format('INSERT INTO %s (table_name, key, op) VALUES ($1, $2, $3)', target) USING TG_TABLE_NAME, '', 'truncate';
      ELSE
        EXECUTE format($q$
          WITH pairs AS (
            SELECT to_jsonb(o) AS was, to_jsonb(n) AS now FROM old_rows o JOIN new_rows n ON o.%2$I = n.%2$I
          ), changed AS (
            SELECT was, now FROM pairs WHERE was <> now
          ), keys AS (
            SELECT now->>%3$L AS key,
                   CASE WHEN cardinality($2) > 0 AND (was - $2) = (now - $2) THEN 'price_stock' ELSE 'update' END AS op
              FROM changed
            UNION SELECT was->>%3$L, 'update' FROM changed WHERE (was->>%3$L) IS DISTINCT FROM (now->>%3$L)
            UNION SELECT to_jsonb(n)->>%3$L, 'update' FROM new_rows n WHERE NOT EXISTS (SELECT 1 FROM old_rows o WHERE o.%2$I = n.%2$I)
            UNION SELECT to_jsonb(o)->>%3$L, 'update' FROM old_rows o WHERE NOT EXISTS (SELECT 1 FROM new_rows n WHERE o.%2$I = n.%2$I)
          )
          INSERT INTO %1$s (table_name, key, op) SELECT $1, key, op FROM keys ORDER BY key, op$q$, target, TG_ARGV[2], TG_ARGV[0])
          USING TG_TABLE_NAME, facts;
      END IF;
      GET DIAGNOSTICS written = ROW_COUNT;
      IF written > 0 THEN
        PERFORM pg_notify('catalog_changes', TG_TABLE_SCHEMA);
      END IF;
      RETURN NULL;
    END $fn$`.execute(db);
  for (const { table, key, facts, primaryKey } of WATCHED) {
    const args = sql`${sql.lit(key)}, ${sql.lit(facts)}, ${sql.lit(primaryKey)}`;
    const name = (event: string) => sql.raw(`${table}_changes_${event}`);
    const on = sql.table(table);
    await sql`CREATE TRIGGER ${name('insert')} AFTER INSERT ON ${on} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_rows_changed(${args})`.execute(db);
    await sql`CREATE TRIGGER ${name('update')} AFTER UPDATE ON ${on} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_rows_changed(${args})`.execute(db);
    await sql`CREATE TRIGGER ${name('delete')} AFTER DELETE ON ${on} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_rows_changed(${args})`.execute(db);
    await sql`CREATE TRIGGER ${name('truncate')} AFTER TRUNCATE ON ${on} FOR EACH STATEMENT EXECUTE FUNCTION catalog_rows_changed(${args})`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  for (const { table } of WATCHED) {
    for (const event of EVENTS) await sql`DROP TRIGGER IF EXISTS ${sql.raw(`${table}_changes_${event}`)} ON ${sql.table(table)}`.execute(db);
  }
  await sql`DROP FUNCTION IF EXISTS catalog_rows_changed()`.execute(db);
  await sql`DROP TABLE IF EXISTS catalog_changes_pruned`.execute(db);
  await sql`DROP TABLE IF EXISTS catalog_changes`.execute(db);
}
