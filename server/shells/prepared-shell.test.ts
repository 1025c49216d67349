import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import zlib from 'node:zlib';
import { PreparedShell, type ReleaseValues } from './prepared-shell';

const values: ReleaseValues = { release: 'r1', vendorjs: '/v.js', vendorcss: null, appjs: '/a.js', appcss: null, routejs: [], routecss: [] };
const source = '<script nonce="{{nonce}}" src="{{vendorjs}}"></script><main><span class="lead-slot">{{{lead}}}</span></main><script nonce="{{nonce}}" src="{{appjs}}"></script>';
const nonce = Buffer.from('abc123', 'latin1');

describe('PreparedShell', () => {
  it('should put the nonce in every nonce slot and the lead picture in its slot, in both codings', () => {
    const shell = new PreparedShell('product', 200, source, values);
    const lead = Buffer.from('<img src="/img/p/itm1/0.svg?v=1" alt="">', 'utf8');
    const expected = '<script nonce="abc123" src="/v.js"></script><main><span class="lead-slot"><img src="/img/p/itm1/0.svg?v=1" alt=""></span></main><script nonce="abc123" src="/a.js"></script>';
    assert.equal(shell.render(nonce, lead).toString('utf8'), expected);
    assert.equal(zlib.gunzipSync(shell.renderGzip(nonce, lead)).toString('utf8'), expected);
    assert.ok(shell.hasLeadSlot);
  });

  it('should leave the lead slot empty when no picture is given (the worker\'s copy, a page with a query)', () => {
    const shell = new PreparedShell('product', 200, source, values);
    const expected = '<script nonce="abc123" src="/v.js"></script><main><span class="lead-slot"></span></main><script nonce="abc123" src="/a.js"></script>';
    assert.equal(shell.render(nonce).toString('utf8'), expected);
    assert.equal(zlib.gunzipSync(shell.renderGzip(nonce)).toString('utf8'), expected);
  });

  it('should serve shells without a lead slot as before', () => {
    const shell = new PreparedShell('cart', 200, '<script nonce="{{nonce}}"></script><p>{{release}}</p>', values);
    assert.equal(shell.hasLeadSlot, false);
    assert.equal(shell.render(nonce, Buffer.from('ignored')).toString('utf8'), '<script nonce="abc123"></script><p>r1</p>');
  });

  it('should gzip each response right as nonces and lead pictures change (a picture\'s CRC terms are kept per picture)', () => {
    const shell = new PreparedShell('product', 200, source, values);
    const leads = ['<img src="/a.svg" alt="">', '<img src="/a-longer-picture.svg" alt="">', ''].map((html) => Buffer.from(html, 'utf8'));
    for (let round = 0; round < 3; round++) {
      for (const lead of leads) {
        const fresh = Buffer.from(`nonce-${round}-${lead.length}`.padEnd(24, 'x'), 'latin1');
        assert.equal(zlib.gunzipSync(shell.renderGzip(fresh, lead)).toString('utf8'), shell.render(fresh, lead).toString('utf8'));
      }
    }
  });
});
