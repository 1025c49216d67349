/**
 * Old change rows go after a retention window. The highest pruned number is kept, so a node whose
 * cursor is below it (it was cut off longer than the window) knows it missed changes and reloads
 * everything instead of treating the pruned numbers as rolled back.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../store/schema';

/** Deletes change rows older than `olderThanMs` and moves the pruned mark; answers how many went. */
export async function pruneChanges(db: Kysely<Database>, olderThanMs: number): Promise<number> {
  const result = await sql<{ count: number }>`
    WITH gone AS (
      DELETE FROM catalog_changes WHERE changed_at < now() - make_interval(secs => ${olderThanMs / 1000}) RETURNING seq
    ), mark AS (
      UPDATE catalog_changes_pruned SET seq = GREATEST(seq, (SELECT max(seq) FROM gone))
      WHERE id = 1 AND EXISTS (SELECT 1 FROM gone)
    )
    SELECT count(*)::int AS count FROM gone`.execute(db);
  return Number(result.rows[0]?.count ?? 0);
}
