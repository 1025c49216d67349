/**
 * The vendors bundle holds React, ReactDOM, React Router and the kit once; app bundles hold none
 * of them and reach them through the vendors global.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { readManifest, readPointer, vendorsIncompatibilities, vendorsManifestSchema, type VendorsManifest } from '../../server/shells/release-manifest';
import { APPS, distDir } from '../../webpack/paths';
import { distLayout } from '../../shared/dist-layout';

/** Strings only React 18's own code contains, minified or not. */
const REACT_MARKERS = ['__SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED', 'reactjs.org/docs/error-decoder.html'];
/** A string only React Router's code contains. */
const ROUTER_MARKER = 'You cannot render a <Router> inside another <Router>';

function jsFiles(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.js')).map((f) => path.join(dir, f));
}

describe('vendors bundle', () => {
  const dist = distDir();

  it('should contain React, ReactDOM and React Router', () => {
    const hash = readPointer(distLayout.vendorsPointer(dist));
    assert.ok(hash, 'run npm run build first');
    // The manifest names the entry; the folder also holds the chunks loaded after first paint.
    const { js } = readManifest(distLayout.vendorsManifest(dist, hash), vendorsManifestSchema);
    const code = fs.readFileSync(path.join(distLayout.vendorsDir(dist, hash), js), 'utf8');
    for (const marker of [...REACT_MARKERS, ROUTER_MARKER]) assert.ok(code.includes(marker), marker);
  });

  for (const app of APPS) {
    it(`should be external to every ${app} bundle`, () => {
      const buildId = readPointer(distLayout.appPointer(dist, app));
      assert.ok(buildId, 'run npm run build first');
      const files = jsFiles(path.join(distLayout.appDir(dist, app, buildId), 'client'));
      assert.ok(files.length >= 2);
      let usesGlobal = false;
      for (const file of files) {
        const code = fs.readFileSync(file, 'utf8');
        for (const marker of [...REACT_MARKERS, ROUTER_MARKER]) assert.ok(!code.includes(marker), `${path.basename(file)} contains ${marker}`);
        usesGlobal ||= code.includes('__SF_VENDORS__');
      }
      assert.ok(usesGlobal, 'the app reads its externals from the vendors global');
    });
  }
});

describe('vendorsIncompatibilities', () => {
  const vendors: VendorsManifest = {
    hash: 'v2',
    js: 'vendors.js',
    css: null,
    chunks: [],
    modules: { react: '19.4.0', 'react-router': '7.20.0', '@storefront/kit': '0.2.0' },
    exports: { react: ['useState', 'useEffect'], '@storefront/kit': ['useApi'], 'react-router': ['Link'] },
  };

  it('should accept a bundle that keeps the majors and every name an app uses', () => {
    const required = { modules: { react: '19.3.1', 'react-router': '7.18.5' }, uses: { react: ['useState'], 'react-router': ['Link'] } };
    assert.deepEqual(vendorsIncompatibilities(vendors, required), []);
  });

  it('should name a changed major, a missing module and a missing export', () => {
    const required = { modules: { react: '18.2.0', 'react-dom': '18.2.0' }, uses: { '@storefront/kit': ['useApi', 'formatRupees'] } };
    assert.deepEqual(vendorsIncompatibilities(vendors, required), [
      'react moved from 18.2.0 to 19.4.0',
      'react-dom is no longer in the vendors bundle',
      '@storefront/kit does not expose formatRupees',
    ]);
  });
});
