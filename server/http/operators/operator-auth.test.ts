import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import pino from 'pino';
import { createSessionSigner, SESSION_TTL_MS } from './operator-session';
import { estimateTokenBits, loadOperatorToken, tokenMatches } from './operator-token';

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
  const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'ops-token-'));
  it('should prefer OPS_TOKEN and refuse one of less than 128 bits, saying how to make one', () => {
    const dir = tmp();
    const strong = crypto.randomBytes(16).toString('hex');
    assert.equal(loadOperatorToken(dir, strong, silent), strong);
    assert.ok(!fs.existsSync(path.join(dir, 'ops-token')));
    for (const weak of ['short', 't'.repeat(64), 'ab'.repeat(40), crypto.randomBytes(15).toString('hex'), 'Password1!Password1!']) {
      assert.throws(() => loadOperatorToken(dir, weak, silent), /OPS_TOKEN: .*at least 128.*openssl rand/s, weak);
    }
  });

  it('should count bits by the alphabet a token is drawn from', () => {
    assert.equal(estimateTokenBits(crypto.randomBytes(16).toString('hex')), 128);
    assert.ok(estimateTokenBits(crypto.randomBytes(16).toString('base64url')) >= 128);
    assert.ok(estimateTokenBits(crypto.randomBytes(32).toString('base64url')) >= 250);
    assert.equal(estimateTokenBits('a'.repeat(100)), 0);
  });

  it('should refuse a weak token in the token file too', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'ops-token'), 'letmein-letmein\n');
    assert.throws(() => loadOperatorToken(dir, undefined, silent), /ops-token: .*at least 128/s);
  });
  it('should generate a token once, with mode 0600, and log where it is but not what it is', () => {
    const dir = tmp();
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    const first = loadOperatorToken(dir, undefined, logger);
    assert.equal(loadOperatorToken(dir, '', logger), first);
    assert.equal(fs.statSync(path.join(dir, 'ops-token')).mode & 0o777, 0o600);
    assert.equal(lines.length, 1);
    assert.ok(lines[0]!.includes(path.join(dir, 'ops-token')));
    assert.ok(!lines[0]!.includes(first));
    fs.rmSync(dir, { recursive: true });
  });
  it('should compare tokens exactly', () => {
    assert.ok(tokenMatches('abc', 'abc'));
    assert.ok(!tokenMatches('abc', 'abcd'));
    assert.ok(!tokenMatches('', 'abc'));
  });
});
