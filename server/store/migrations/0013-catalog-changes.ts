/**
 * The catalog's change feed on PostgreSQL (decisions/0018): triggers on every table the catalog's
 * answers and search read append what changed (table, key, op) to `catalog_changes`, numbered by a
 * bigserial, and `pg_notify` channel `catalog_changes` with the schema's name, so every node hears
 * of a change whoever made it (another node, an operator command, plain `psql`). Pruning moves
 * `catalog_changes_pruned.seq`, so a node that was away longer than the retention knows it missed
 * some. SQLite has one process, which announces its own changes: nothing here applies to it.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/** Each watched table, the column its changes are keyed by, and the columns a price or stock change touches. */
const WATCHED = [
  { table: 'products', key: 'id', facts: 'price,mrp,discount_percent,stock' },
  { table: 'product_variants', key: 'product_id', facts: 'stock' },
  { table: 'product_reviews', key: 'product_id', facts: '' },
  { table: 'categories', key: 'slug', facts: '' },
] as const;

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
  // One function for every table: TG_ARGV[0] names the key column, TG_ARGV[1] the columns whose
  // change alone is a price or stock change (`price_stock`: nodes re-read sort keys, not the text).
  // An UPDATE that changes nothing is not a change. The change table is named with the trigger's
  // schema, so a writer whose search_path differs (plain psql) still writes the right one; the
  // payload names the schema too, as shops (and test runs) may share a database and NOTIFY
  // channels are per database.
  await sql`
    CREATE FUNCTION catalog_change() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      new_row jsonb := CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE to_jsonb(NEW) END;
      old_row jsonb := CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE to_jsonb(OLD) END;
      facts text[] := string_to_array(TG_ARGV[1], ',');
      op text := lower(TG_OP);
    BEGIN
      IF TG_OP = 'UPDATE' THEN
        IF new_row = old_row THEN RETURN NULL; END IF;
        IF (new_row->>TG_ARGV[0]) IS NOT DISTINCT FROM (old_row->>TG_ARGV[0])
           AND cardinality(facts) > 0 AND (new_row - facts) = (old_row - facts) THEN
          op := 'price_stock';
        END IF;
        IF (new_row->>TG_ARGV[0]) IS DISTINCT FROM (old_row->>TG_ARGV[0]) THEN
          EXECUTE format('INSERT INTO %I.catalog_changes (table_name, key, op) VALUES ($1, $2, $3)', TG_TABLE_SCHEMA) USING TG_TABLE_NAME, old_row->>TG_ARGV[0], op;
        END IF;
      END IF;
      EXECUTE format('INSERT INTO %I.catalog_changes (table_name, key, op) VALUES ($1, $2, $3)', TG_TABLE_SCHEMA) USING TG_TABLE_NAME, COALESCE(new_row, old_row)->>TG_ARGV[0], op;
      PERFORM pg_notify('catalog_changes', TG_TABLE_SCHEMA);
      RETURN NULL;
    END $$`.execute(db);
  for (const { table, key, facts } of WATCHED) {
    await sql`
      CREATE TRIGGER ${sql.raw(`${table}_changes`)} AFTER INSERT OR UPDATE OR DELETE ON ${sql.table(table)}
      FOR EACH ROW EXECUTE FUNCTION catalog_change(${sql.lit(key)}, ${sql.lit(facts)})`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  for (const { table } of WATCHED) await sql`DROP TRIGGER IF EXISTS ${sql.raw(`${table}_changes`)} ON ${sql.table(table)}`.execute(db);
  await sql`DROP FUNCTION IF EXISTS catalog_change()`.execute(db);
  await sql`DROP TABLE IF EXISTS catalog_changes_pruned`.execute(db);
  await sql`DROP TABLE IF EXISTS catalog_changes`.execute(db);
}
