import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import pino from 'pino';
import { createSessionSigner, SESSION_TTL_MS } from './operator-session';
import { estimateTokenBits, loadOperatorToken, tokenMatches, TOKEN_SECRET } from './operator-token';
import { openStore, type Store } from '../../store/database';

const silent = pino({ level: 'silent' });

describe('createSessionSigner', () => {
  const signer = createSessionSigner('a'.repeat(32));
  it('should verify its own sessions until they expire', () => {
    const session = signer.issue(1_000_000_000_000);
    assert.ok(signer.verify(session, 1_000_000_000_000 + SESSION_TTL_MS - 1));
    assert.ok(!signer.verify(session, 1_000_000_000_000 + SESSION_TTL_MS));
  });
  it('should refuse sessions signed with another token, edited, or malformed', () => {
    const now = 1_700_000_000_000;
    const session = signer.issue(now);
    assert.ok(!createSessionSigner('b'.repeat(32)).verify(session, now));
    assert.ok(!signer.verify(session.replace(/^\d/, (d) => String((Number(d) + 1) % 10)), now));
    for (const bad of ['', 'x', `${session}x`, session.split('.').slice(0, 2).join('.')]) assert.ok(!signer.verify(bad, now), bad);
  });
  it('should never contain the token', () => {
    const token = 'secret-token-secret-token-secret';
    assert.ok(!createSessionSigner(token).issue(Date.now()).includes(token));
  });
});

describe('loadOperatorToken', () => {
  const stores: Store[] = [];
  const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'ops-token-'));
  const storeIn = async (dir: string) => {
    const store = await openStore({ dataDir: dir });
    stores.push(store);
    return store;
  };
  after(async () => {
    for (const store of stores) await store.close();
  });

  it('should prefer OPS_TOKEN and refuse one of less than 128 bits, saying how to make one', async () => {
    const dir = tmp();
    const { db } = await storeIn(dir);
    const strong = crypto.randomBytes(16).toString('hex');
    assert.equal(await loadOperatorToken(db, dir, strong, silent), strong);
    assert.ok(!fs.existsSync(path.join(dir, 'ops-token')));
    for (const weak of ['short', 't'.repeat(64), 'ab'.repeat(40), crypto.randomBytes(15).toString('hex'), 'Password1!Password1!']) {
      await assert.rejects(loadOperatorToken(db, dir, weak, silent), /OPS_TOKEN: .*at least 128.*openssl rand/s, weak);
    }
  });

  it('should count bits by the alphabet a token is drawn from', () => {
    assert.equal(estimateTokenBits(crypto.randomBytes(16).toString('hex')), 128);
    assert.ok(estimateTokenBits(crypto.randomBytes(16).toString('base64url')) >= 128);
    assert.ok(estimateTokenBits(crypto.randomBytes(32).toString('base64url')) >= 250);
    assert.equal(estimateTokenBits('a'.repeat(100)), 0);
  });

  it('should refuse a weak token in the token file too', async () => {
    const dir = tmp();
    const { db } = await storeIn(dir);
    fs.writeFileSync(path.join(dir, 'ops-token'), 'letmein-letmein\n');
    await assert.rejects(loadOperatorToken(db, dir, undefined, silent), /ops-token: .*at least 128/s);
  });

  it('should generate a token once into the store, copy it to DATA_DIR/ops-token with mode 0600, and log where it is but not what it is', async () => {
    const dir = tmp();
    const { db } = await storeIn(dir);
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    const first = await loadOperatorToken(db, dir, undefined, logger);
    assert.equal(await loadOperatorToken(db, dir, '', logger), first);
    assert.equal(fs.statSync(path.join(dir, 'ops-token')).mode & 0o777, 0o600);
    assert.equal(lines.length, 1);
    assert.ok(lines[0]!.includes(path.join(dir, 'ops-token')));
    assert.ok(!lines[0]!.includes(first));
    // A second node on the same store, with its own disk, gets the same token (and its own copy).
    const other = tmp();
    assert.equal(await loadOperatorToken(db, other, undefined, logger), first);
    assert.equal(fs.readFileSync(path.join(other, 'ops-token'), 'utf8').trim(), first);
    fs.rmSync(other, { recursive: true });
  });

  it("should move an older version's token file into the store, so operators keep their token", async () => {
    const dir = tmp();
    const { db } = await storeIn(dir);
    const old = crypto.randomBytes(32).toString('base64url');
    fs.writeFileSync(path.join(dir, 'ops-token'), old + '\n', { mode: 0o600 });
    assert.equal(await loadOperatorToken(db, dir, undefined, silent), old);
    const row = await db.selectFrom('shop_secrets').select('value').where('name', '=', TOKEN_SECRET).executeTakeFirstOrThrow();
    assert.equal(row.value, old);
  });

  it('should compare tokens exactly', () => {
    assert.ok(tokenMatches('abc', 'abc'));
    assert.ok(!tokenMatches('abc', 'abcd'));
    assert.ok(!tokenMatches('', 'abc'));
  });
});
