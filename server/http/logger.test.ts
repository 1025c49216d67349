import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { createLogger } from './logger';

/** A stream that keeps what is written to it. */
function sink(): { stream: Writable; text(): string } {
  const chunks: string[] = [];
  const stream = new Writable({ write(chunk, _encoding, done) { chunks.push(String(chunk)); done(); } });
  return { stream, text: () => chunks.join('') };
}

describe('createLogger()', () => {
  it('should write JSON lines by default, for log collectors', () => {
    const out = sink();
    createLogger('info', { destination: out.stream }).info({ products: 3 }, 'seeded the catalog');
    const line = JSON.parse(out.text().trim()) as Record<string, unknown>;
    assert.equal(line.msg, 'seeded the catalog');
    assert.equal(line.products, 3);
  });

  it('should write readable lines when asked to be pretty (a terminal)', () => {
    const out = sink();
    createLogger('info', { pretty: true, destination: out.stream }).info({ products: 3 }, 'seeded the catalog');
    const text = out.text();
    assert.match(text, /INFO.*seeded the catalog/);
    assert.match(text, /products.*3/);
    assert.throws(() => JSON.parse(text.trim()));
  });

  it('should still hide cookies in pretty lines', () => {
    const out = sink();
    createLogger('info', { pretty: true, destination: out.stream }).info({ req: { headers: { cookie: 'sid=secret' } } }, 'request');
    assert.doesNotMatch(out.text(), /secret/);
  });
});
