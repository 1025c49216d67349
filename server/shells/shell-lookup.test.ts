import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { routeTable as main } from '../../apps/home-browse-product/src/routes';
import { compileRoutes } from '../../shared/route-matcher';
import type { LoadedRelease } from './load-release';
import { PreparedShell } from './prepared-shell';
import { lookUpShell } from './shell-lookup';

const values = { release: 'r1', vendorjs: '/v.js', vendorcss: null, appjs: '/a.js', appcss: null, routejs: [], routecss: [] };

/** A release with one shell per route type of the main app (only what `shellFor` reads). */
function release(tag: string): LoadedRelease {
  const shells = new Map(main.routes.map((route) => [`${main.app}/${route.shell}`, new PreparedShell(route.shell, 200, `<p>${tag} ${route.shell}</p>`, values)]));
  return { match: compileRoutes([main]), shells } as unknown as LoadedRelease;
}

describe('lookUpShell', () => {
  it('finds the shell of a page path and the preload of its data', () => {
    const r = release('one');
    const found = lookUpShell(r, '/redmi-note-13/p/itm0123456789abc', false)!;
    assert.equal(found.shell, r.shells.get(`${main.app}/${found.shell.name}`));
    assert.equal(found.preload, '</api/catalog/products/itm0123456789abc>; rel=preload; as=fetch; crossorigin');
    assert.equal(lookUpShell(r, '/redmi-note-13/p/itm0123456789abc', false), found, 'the second time from memory');
  });

  it('preloads nothing when the request had a query, without forgetting the preload of the bare path', () => {
    const r = release('one');
    const withQuery = lookUpShell(r, '/mobiles/pr', true)!;
    assert.equal(withQuery.preload, null);
    assert.equal(lookUpShell(r, '/mobiles/pr', false)!.preload, '</api/catalog/browse/mobiles?page=1&pageSize=24>; rel=preload; as=fetch; crossorigin');
    assert.equal(lookUpShell(r, '/mobiles/pr', false)!.shell, withQuery.shell);
  });

  it('answers null for a path no route matches, and asks each release afresh', () => {
    assert.equal(lookUpShell(release('one'), '/no/such/page/here/at/all', false), null);
    const first = release('one');
    const second = release('two');
    const a = lookUpShell(first, '/', false)!;
    const b = lookUpShell(second, '/', false)!;
    assert.notEqual(a.shell, b.shell);
    assert.match(b.shell.render(Buffer.alloc(0)).toString(), /^<p>two /);
  });
});
