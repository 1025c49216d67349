/**
 * The change feed tells a change of products' pictures from any other change (decisions/0030): an
 * UPDATE of `products` that changes only the `images` column is recorded with op `images`, so
 * nodes rebuild only the answers showing those products' pictures instead of every answer. The
 * trigger function gains an optional fourth argument, the columns whose change alone is a
 * picture change; triggers without it (other tables) record as before. SQLite announces its own
 * changes: nothing here applies to it.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** The products update trigger, with or without the picture columns. */
async function productsUpdateTrigger(db: Kysely<any>, withPictures: boolean): Promise<void> {
  const args = withPictures ? sql`'id', 'price,mrp,discount_percent,stock', 'id', 'images'` : sql`'id', 'price,mrp,discount_percent,stock', 'id'`;
  await sql`DROP TRIGGER IF EXISTS products_changes_update ON products`.execute(db);
  await sql`CREATE TRIGGER products_changes_update AFTER UPDATE ON products REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_rows_changed(${args})`.execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  // As in 0014, plus: a change of nothing but TG_ARGV[3]'s columns is op 'images'.
  await sql`
    CREATE OR REPLACE FUNCTION catalog_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
    DECLARE
      target text := format('%I.catalog_changes', TG_TABLE_SCHEMA);
      facts text[] := string_to_array(TG_ARGV[1], ',');
      pictures text[] := string_to_array(coalesce(TG_ARGV[3], ''), ',');
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
                   CASE WHEN cardinality($2) > 0 AND (was - $2) = (now - $2) THEN 'price_stock'
                        WHEN cardinality($3) > 0 AND (was - $3) = (now - $3) THEN 'images'
                        ELSE 'update' END AS op
              FROM changed
            UNION SELECT was->>%3$L, 'update' FROM changed WHERE (was->>%3$L) IS DISTINCT FROM (now->>%3$L)
            UNION SELECT to_jsonb(n)->>%3$L, 'update' FROM new_rows n WHERE NOT EXISTS (SELECT 1 FROM old_rows o WHERE o.%2$I = n.%2$I)
            UNION SELECT to_jsonb(o)->>%3$L, 'update' FROM old_rows o WHERE NOT EXISTS (SELECT 1 FROM new_rows n WHERE o.%2$I = n.%2$I)
          )
          INSERT INTO %1$s (table_name, key, op) SELECT $1, key, op FROM keys ORDER BY key, op$q$, target, TG_ARGV[2], TG_ARGV[0])
          USING TG_TABLE_NAME, facts, pictures;
      END IF;
      GET DIAGNOSTICS written = ROW_COUNT;
      IF written > 0 THEN
        PERFORM pg_notify('catalog_changes', TG_TABLE_SCHEMA);
      END IF;
      RETURN NULL;
    END $fn$`.execute(db);
  await productsUpdateTrigger(db, true);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  // The function reads a missing fourth argument as "no picture columns": the old trigger is enough.
  await productsUpdateTrigger(db, false);
}
