/** Reads and sets the kill switch in the store: the one place operators' commands and servers meet. */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';

const ROW = 'kill';

/** True while the kill switch is on (no row yet means off). */
export async function readKillSwitch(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('sw_switch').select('killed').where('id', '=', ROW).executeTakeFirst();
  return row !== undefined && Number(row.killed) === 1;
}

/** Turns the kill switch on or off. */
export async function writeKillSwitch(db: Kysely<Database>, killed: boolean, now: number): Promise<void> {
  const values = { id: ROW, killed: killed ? 1 : 0, updated_at: now };
  await db
    .insertInto('sw_switch')
    .values(values)
    .onConflict((conflict) => conflict.column('id').doUpdateSet({ killed: values.killed, updated_at: now }))
    .execute();
}
