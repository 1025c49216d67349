import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findOrCreateAccount } from '../account/account-store';
import { createSession, findSession } from './session-store';
import { touchSession } from './session-touches';
import { useTempStore } from '../../store/testing/temp-store';

describe('touchSession', () => {
  const MINUTE = 60_000;

  const temp = useTempStore('session-touches-');

  const lastSeen = async (idHash: string) => Number((await temp.store.db.selectFrom('sessions').select('last_seen_at').where('id_hash', '=', idHash).executeTakeFirstOrThrow()).last_seen_at);

  it('should write the touches asked for in one turn together, each session at its latest time', async () => {
    const { account } = await findOrCreateAccount(temp.store.db, '9876500001', 0);
    const a = await createSession(temp.store.db, account.id, 'full', 0);
    const b = await createSession(temp.store.db, account.id, 'full', 0);
    const first = touchSession(temp.store.db, a.session.idHash, 5 * MINUTE);
    const second = touchSession(temp.store.db, b.session.idHash, 6 * MINUTE);
    // The same session twice in one turn: the later time wins, whatever the order.
    const third = touchSession(temp.store.db, a.session.idHash, 4 * MINUTE);
    assert.equal(first, second);
    assert.equal(first, third);
    await first;
    assert.equal(await lastSeen(a.session.idHash), 5 * MINUTE);
    assert.equal(await lastSeen(b.session.idHash), 6 * MINUTE);
    // A later turn is a new group, and an older time never moves `last_seen_at` back.
    const later = touchSession(temp.store.db, a.session.idHash, 2 * MINUTE);
    assert.notEqual(later, first);
    await later;
    assert.equal(await lastSeen(a.session.idHash), 5 * MINUTE);
  });

  it('should keep a session seen within its idle time alive through findSession', async () => {
    const { account } = await findOrCreateAccount(temp.store.db, '9876500002', 0);
    const { id, session } = await createSession(temp.store.db, account.id, 'full', 0);
    // Seen a day later: written, so it stays alive past its first 7 idle days.
    assert.ok(await findSession(temp.store.db, id, 24 * 60 * MINUTE));
    assert.equal(await lastSeen(session.idHash), 24 * 60 * MINUTE);
    assert.ok(await findSession(temp.store.db, id, 7.5 * 24 * 60 * MINUTE));
  });
});
