import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import zlib from 'node:zlib';
import { PreparedShell, type ReleaseValues } from '../server/shells/prepared-shell';
import { shellTemplate } from './paths';
import { compileShellTemplate } from './shells';

const values: ReleaseValues = {
  release: 'home-browse-product@abc vendors@def',
  vendorjs: '/static/vendors/def/vendors.1.js',
  vendorcss: '/static/vendors/def/vendors.1.css',
  appjs: '/static/apps/home-browse-product/abc/client/app.2.js',
  appcss: null,
  routejs: ['/static/apps/home-browse-product/abc/client/page-product.3.js'],
  routecss: [],
};

/** A level-2 shell exactly as the build writes it, from the real template. */
function levelTwo(content: string): string {
  return compileShellTemplate(fs.readFileSync(shellTemplate, 'utf8'))({ content, title: 'Product', shell: 'product' });
}

describe('level-1 shell rendering', () => {
  it('should keep the escaped level-2 placeholders and insert the React markup', () => {
    const html = levelTwo('<main class="product">Loading</main>');
    assert.match(html, /<div id="root"><main class="product">Loading<\/main><\/div>/);
    assert.match(html, /<script src="\{\{vendorjs\}\}" nonce="\{\{nonce\}\}" defer type="text\/x-after-paint"><\/script>/);
    assert.match(html, /<link rel="preload" as="script" href="\{\{vendorjs\}\}" nonce="\{\{nonce\}\}" fetchpriority="low">/);
    assert.match(html, /<title>Product · Storefront<\/title>/);
    assert.match(html, /data-shell="product"/);
  });

  it('should turn the lead picture slot into the level-2 placeholder the server fills, and refuse two', () => {
    const shell = new PreparedShell('product', 200, levelTwo('<p>{{lead}}</p><span class="lead-slot"><!--lead-picture--></span>'), values);
    assert.match(shell.render(Buffer.from('abc'), Buffer.from('<img src="/x.avif" alt="">')).toString(), /<p>\{\{lead\}\}<\/p><span class="lead-slot"><img src="\/x\.avif" alt=""><\/span>/);
    assert.match(shell.render(Buffer.from('abc')).toString(), /<span class="lead-slot"><\/span>/);
    assert.throws(() => levelTwo('<!--lead-picture--><!--lead-picture-->'), /more than one lead picture slot/);
  });

  it('should keep "{{" in React markup as text at level 2', () => {
    const shell = new PreparedShell('product', 200, levelTwo('<p>{{nonce}} is text</p>'), values);
    assert.match(shell.render(Buffer.from('abc')).toString(), /<p>\{\{nonce\}\} is text<\/p>/);
  });
});

describe('PreparedShell', () => {
  const shell = new PreparedShell('product', 200, levelTwo('<main></main>'), values);

  it('should put the nonce into every script and preload', () => {
    const html = shell.render(Buffer.from('NONCE123')).toString();
    // Two preloads and two tags of the bundles, the page's preload and the script that starts the bundles.
    assert.equal(html.match(/nonce="NONCE123"/g)?.length, 6);
    assert.doesNotMatch(html, /\{\{|N0NCE-MARK/);
  });

  it('should fill in this release\'s bundle URLs and leave out the absent ones', () => {
    const html = shell.render(Buffer.from('n')).toString();
    assert.match(html, /<script src="\/static\/vendors\/def\/vendors\.1\.js"/);
    assert.match(html, /<link rel="stylesheet" href="\/static\/vendors\/def\/vendors\.1\.css">/);
    assert.match(html, /<link rel="preload" as="script" href="\/static\/apps\/home-browse-product\/abc\/client\/page-product\.3\.js"/);
    assert.match(html, /<meta name="release" content="home-browse-product@abc vendors@def">/);
    assert.equal(html.match(/rel="stylesheet"/g)?.length, 1);
  });

  it('should give different documents for different nonces, and gzip that decodes to the same bytes', () => {
    const a = shell.render(Buffer.from('AAAA'));
    const b = shell.render(Buffer.from('BBBB'));
    assert.notDeepEqual(a, b);
    assert.deepEqual(zlib.gunzipSync(shell.renderGzip(Buffer.from('BBBB'))), b);
  });
});
