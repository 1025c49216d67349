import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, it } from 'node:test';
import pino from 'pino';
import { createRequestListener, simplePathEnd } from './request-listener';

const request = (url: string) => ({ url, method: 'GET', headers: {} }) as IncomingMessage;
const response = () => ({ headersSent: false, destroy() {} }) as unknown as ServerResponse;

describe('simplePathEnd', () => {
  it('should find where the path of a plain origin-form target ends', () => {
    assert.equal(simplePathEnd('/'), 1);
    assert.equal(simplePathEnd('/mobiles/pr'), 11);
    assert.equal(simplePathEnd('/search?q=phone'), 7);
    assert.equal(simplePathEnd('/a?b?c'), 2);
  });

  it('should leave anything Express\'s URL parser would read differently to it', () => {
    for (const url of ['*', 'http://shop.example/', '/a b', '/a#b', '/a\tb', '/a\u00a0b', '', '/a\nb', '/a\rb', '/a\fb', '/a\ufeffb', '/a?q=b c', '/a?q=b#c']) {
      assert.equal(simplePathEnd(url), -1, JSON.stringify(url));
    }
  });
});

describe('createRequestListener', () => {
  it('should ask each answerer in turn with the path and query, then the app', () => {
    const seen: string[] = [];
    const listener = createRequestListener(
      () => seen.push('app'),
      [
        (_req, _res, pathname, search) => (seen.push(`first ${pathname} ${search}`), false),
        (_req, _res, pathname) => (seen.push('second'), pathname === '/taken'),
      ],
      null,
      pino({ level: 'silent' }),
    );
    listener(request('/taken?x=1'), response());
    listener(request('/other'), response());
    assert.deepEqual(seen, ['first /taken x=1', 'second', 'first /other ', 'second', 'app']);
  });

  it('should hand a request to the app when an answerer throws before answering, and count every request', () => {
    let app = 0;
    const counted: string[] = [];
    const listener = createRequestListener(
      () => app++,
      [
        () => {
          throw new Error('bug');
        },
      ],
      { count: (path) => counted.push(path), routes: () => undefined },
      pino({ level: 'silent' }),
    );
    listener(request('/cart?x'), response());
    listener(request('/a b'), response());
    assert.equal(app, 2);
    assert.deepEqual(counted, ['/cart', '/a b']);
  });
});
