import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AnswerCache } from './answer-cache';
import { ChangeLog } from './change-log';
import { EncodedAnswer } from './encoded-answer';

/** A build that counts its calls and answers `{n}` with the call number. */
function counting() {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    build: async () => EncodedAnswer.of({ n: ++calls }),
  };
}

const json = (answer: EncodedAnswer) => JSON.parse(answer.identity.toString('utf8')) as { n: number };

describe('AnswerCache', () => {
  it('should build once, then answer from memory without waiting', async () => {
    const cache = new AnswerCache(new ChangeLog(), 1 << 20);
    const b = counting();
    const first = await cache.get('home', ['lists'], b.build);
    const second = cache.get('home', ['lists'], b.build);
    assert.ok(!(second instanceof Promise), 'a current answer is returned as is');
    assert.equal(second, first);
    assert.equal(b.calls, 1);
    assert.deepEqual({ hits: cache.stats().hits, misses: cache.stats().misses }, { hits: 1, misses: 1 });
  });

  it('should rebuild an answer on the first request after a change to one of its tags, and only then', async () => {
    const changes = new ChangeLog();
    const cache = new AnswerCache(changes, 1 << 20);
    const product = counting();
    const other = counting();
    await cache.get('product:a', ['product:a'], product.build);
    await cache.get('product:b', ['product:b'], other.build);
    changes.change(['product:a']);
    assert.equal(json(await cache.get('product:a', ['product:a'], product.build)).n, 2);
    assert.equal(json(await cache.get('product:b', ['product:b'], other.build)).n, 1, 'an untouched answer stays');
    assert.equal(json(await cache.get('product:a', ['product:a'], product.build)).n, 2);
  });

  it('should let concurrent requests share one build', async () => {
    const cache = new AnswerCache(new ChangeLog(), 1 << 20);
    const b = counting();
    const answers = await Promise.all([1, 2, 3, 4].map(() => cache.get('home', ['lists'], b.build)));
    assert.equal(b.calls, 1);
    assert.ok(answers.every((answer) => answer === answers[0]));
    assert.equal(cache.stats().joined, 3);
  });

  it('should not let a build that started before a change answer a request made after it', async () => {
    const changes = new ChangeLog();
    const cache = new AnswerCache(changes, 1 << 20);
    let release!: () => void;
    const slow = () => new Promise<EncodedAnswer>((resolve) => (release = () => resolve(EncodedAnswer.of({ n: 'old' }))));
    const before = cache.get('home', ['lists'], slow);
    changes.change(['lists']);
    const after = cache.get('home', ['lists'], async () => EncodedAnswer.of({ n: 'new' }));
    release();
    assert.equal(JSON.parse((await before).identity.toString()).n, 'old');
    assert.equal(JSON.parse((await after).identity.toString()).n, 'new');
    const next = cache.get('home', ['lists'], async () => EncodedAnswer.of({ n: 'again' }));
    assert.equal(JSON.parse((await next).identity.toString()).n, 'new', 'the older build did not replace the newer answer');
  });

  it('should keep at most maxBytes, dropping the least recently used first', async () => {
    const one = EncodedAnswer.of({ text: 'x'.repeat(2000) });
    const cache = new AnswerCache(new ChangeLog(), one.size * 3);
    const build = async () => EncodedAnswer.of({ text: 'x'.repeat(2000) });
    for (const key of ['a', 'b', 'c']) await cache.get(key, [], build);
    cache.get('a', [], build); // a is now the most recently used
    await cache.get('d', [], build);
    const stats = cache.stats();
    assert.equal(stats.entries, 3);
    assert.ok(stats.bytes <= stats.maxBytes);
    assert.equal(stats.evictions, 1);
    assert.ok(!(cache.get('a', [], build) instanceof Promise), 'a stayed');
    assert.ok(cache.get('b', [], build) instanceof Promise, 'b, the least recently used, went');
  });

  it('should not keep a failed build, and try again on the next request', async () => {
    const cache = new AnswerCache(new ChangeLog(), 1 << 20);
    await assert.rejects(Promise.resolve(cache.get('p', [], async () => Promise.reject(new Error('no such product')))), /no such product/);
    assert.equal(cache.stats().entries, 0);
    assert.equal(json(await cache.get('p', [], async () => EncodedAnswer.of({ n: 7 }))).n, 7);
  });
});

describe('EncodedAnswer', () => {
  it('should hold the same JSON in every coding, under one weak validator', async () => {
    const { gunzipSync, brotliDecompressSync } = await import('node:zlib');
    const a = EncodedAnswer.of({ price: 49900, title: 'Redmi Note 13' });
    assert.match(a.etag, /^W\/"[A-Za-z0-9_-]+"$/);
    assert.deepEqual(gunzipSync(a.gzip), a.identity);
    assert.deepEqual(brotliDecompressSync(a.br), a.identity);
    assert.notEqual(EncodedAnswer.of({ price: 49800, title: 'Redmi Note 13' }).etag, a.etag);
    assert.equal(EncodedAnswer.of({ price: 49900, title: 'Redmi Note 13' }).etag, a.etag);
  });
});
