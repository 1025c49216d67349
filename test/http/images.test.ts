/**
 * Product photos over HTTP, on every store: operators' uploads (API, ops page), the checks that
 * refuse bad files, what is served under /img, and seeded drawings becoming photos on demand.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import type { BrowseResult, Product } from '../../shared/api-types';
import { photoUrl } from '../../shared/product-images';
import { parseImageSpec } from '../../server/catalog/images/image-spec';
import { deltaE2000, labOfCss } from '../../server/images/palette/colour-space';
import { ellipse, flat, paintPhoto, rect } from '../../server/images/palette/painted-photo';
import { FsImageStore } from '../../server/images/store/fs-image-store';
import { startServer, storeKinds, type TestServer } from '../support/server';

const dE = (x: string, y: string) => deltaE2000(labOfCss(x), labOfCss(y));

/** A PNG whose header claims `width`×`height` pixels and holds almost nothing: a decompression bomb's shape. */
function bombPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(zlib.crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const pixels = zlib.deflateSync(Buffer.alloc(1 + width * 3));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

for (const kind of storeKinds()) {
  describe(`product images (${kind})`, () => {
    let server: TestServer;
    let phone: Product;
    let photo: Buffer;

    const upload = (productId: string, body: Buffer, headers: Record<string, string> = {}, query = '') =>
      fetch(`${server.url}/ops/api/catalog/products/${productId}/images${query}`, { method: 'POST', body: new Uint8Array(body), headers: { ...server.operator, 'content-type': 'image/jpeg', ...headers } });
    const product = async (id: string) => (await (await fetch(`${server.url}/api/catalog/products/${id}`)).json()) as Product;
    const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

    before(async () => {
      server = await startServer(kind, { seedProducts: 120, env: { SEED_PHOTOS: 'demand' } });
      // A phone listing of a family of colours: its colour attribute carries a swatch.
      const browse = (await (await fetch(`${server.url}/api/catalog/browse/mobiles`)).json()) as BrowseResult;
      for (const summary of browse.products) {
        const candidate = await product(summary.id);
        if (candidate.family && candidate.attributes.some((a) => a.swatch)) {
          phone = candidate;
          break;
        }
      }
      assert.ok(phone, 'a phone listing with a colour swatch in a family');
      // The phone in its colour, a little darker than the typed value (as light makes it), on white.
      const typed = phone.attributes.find((a) => a.swatch)!.swatch!;
      const truth = '#' + [1, 3, 5].map((i) => Math.round(Number.parseInt(typed.slice(i, i + 2), 16) * 0.92).toString(16).padStart(2, '0')).join('');
      photo = await paintPhoto({ size: 480, background: flat('#ffffff'), shapes: [rect(0.32, 0.1, 0.68, 0.9, truth, 0.04), ellipse(0.5, 0.2, 0.05, 0.03, '#111111')], noise: 3 });
      (phone as Product & { truth: string }).truth = truth;
    });
    after(async () => {
      await server.close();
    });

    describe('POST /ops/api/catalog/products/:productId/images', () => {
      it('should process a raw JPEG body into AVIF and WebP at the fitting widths, with a placeholder and swatches', async () => {
        const res = await upload(phone.id, photo, {}, '?alt=Front%20view');
        const body = (await res.json()) as { productId: string; images: Array<{ index: number; alt: string; image: Product['image']; palette: Array<{ hex: string; share: number }>; swatches: Record<string, { hex: string }> }> };
        assert.equal(res.status, 201, JSON.stringify(body));
        const [added] = body.images;
        assert.equal(added!.index, phone.images.length);
        assert.equal(added!.alt, 'Front view');
        const shown = added!.image.photo!;
        assert.deepEqual(shown.widths, [200, 400]);
        assert.deepEqual([shown.width, shown.height], [480, 480]);
        assert.match(shown.placeholder, /^data:image\/webp;base64,/);
        assert.ok(added!.palette.length > 0 && added!.palette.length <= 10);

        const colour = phone.attributes.find((a) => a.swatch)!.value;
        const truth = (phone as Product & { truth: string }).truth;
        const swatch = added!.swatches[colour]!;
        assert.ok(dE(swatch.hex, truth) <= 5, `${colour}: ${swatch.hex} vs ${truth}`);
        assert.ok(dE(swatch.hex, '#ffffff') > 5, 'never the backdrop');

        const after = await product(phone.id);
        assert.equal(after.images.length, phone.images.length + 1);
        assert.deepEqual(after.images.at(-1), added!.image);
        assert.equal(after.attributes.find((a) => a.value === colour)!.swatch, swatch.hex, 'the listing’s swatch is the photo’s shade');
        const self = after.family!.members.find((m) => m.id === phone.id)!;
        assert.equal(self.attributes.find((a) => a.value === colour)!.swatch, swatch.hex, 'and so is its swatch in the family selector');

        for (const format of ['avif', 'webp'] as const) {
          const file = await fetch(server.url + photoUrl(shown, 400, format));
          assert.equal(file.status, 200);
          assert.equal(file.headers.get('content-type'), `image/${format}`);
          assert.equal(file.headers.get('cache-control'), 'public, max-age=31536000, immutable');
          const meta = await sharp(Buffer.from(await file.arrayBuffer())).metadata();
          assert.equal(meta.width, 400);
          assert.equal(meta.format, format === 'avif' ? 'heif' : 'webp');
        }
      });

      it('should strip metadata and keep the normalized original in the image store', async () => {
        const tagged = await sharp(photo).withExif({ IFD0: { Copyright: 'secret-gps-and-camera' } }).jpeg().toBuffer();
        assert.ok((await sharp(tagged).metadata()).exif, 'the upload carries EXIF');
        const res = await upload(phone.id, tagged);
        assert.equal(res.status, 201);
        const { images } = (await res.json()) as { images: Array<{ image: Product['image'] }> };
        const key = images[0]!.image.photo!.key;
        const stored = FsImageStore.inDataDir(server.config.dataDir);
        const webp = await stored.getDerived(key, '200.webp');
        assert.ok(webp && !(await sharp(webp).metadata()).exif);
        const manifest = JSON.parse((await stored.getDerived(key, 'photo.json'))!.toString()) as { original: string };
        const original = await stored.getOriginal(manifest.original);
        assert.ok(original && !(await sharp(original).metadata()).exif, 'the kept original has no EXIF');
        assert.ok(!original.includes('secret-gps-and-camera'));
      });

      it('should take several files and an alt text as multipart/form-data', async () => {
        const form = new FormData();
        const png = await sharp(photo).png().toBuffer();
        form.append('alt', 'Both sides');
        form.append('image', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'a.jpg');
        form.append('image', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'b.png');
        const res = await fetch(`${server.url}/ops/api/catalog/products/${phone.id}/images?position=0`, { method: 'POST', body: form, headers: server.operator });
        const body = (await res.json()) as { images: Array<{ index: number; alt: string }> };
        assert.equal(res.status, 201, JSON.stringify(body));
        assert.deepEqual(body.images.map((i) => [i.index, i.alt]), [[0, 'Both sides'], [1, 'Both sides']]);
        const summary = ((await (await fetch(`${server.url}/api/catalog/products?ids=${phone.id}`)).json()) as Product[])[0];
        assert.ok(summary === undefined || summary.image.photo, 'the summary shows the new first image');
      });

      const refusals: Array<[string, () => Promise<Buffer>, number, string]> = [
        ['an SVG', async () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"/>'), 415, 'image-type-unsupported'],
        ['a GIF', () => sharp({ create: { width: 300, height: 300, channels: 3, background: '#f00' } }).gif().toBuffer(), 415, 'image-type-unsupported'],
        ['a PNG header on garbage', async () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(400, 7)]), 422, 'image-unreadable'],
        ['a thumbnail', () => sharp({ create: { width: 120, height: 90, channels: 3, background: '#0a0' } }).jpeg().toBuffer(), 422, 'image-dimensions'],
        ['a decompression bomb', async () => bombPng(9000, 9000), 413, 'image-too-large'],
        ['an empty body', async () => Buffer.alloc(0), 400, 'image-upload-missing'],
      ];
      for (const [what, make, status, code] of refusals) {
        it(`should refuse ${what} with ${status} ${code}`, async () => {
          const res = await upload(phone.id, await make());
          assert.equal(res.status, status);
          assert.equal(await errorCode(res), code);
        });
      }

      it('should refuse a body over the byte limit before reading it all', async () => {
        const res = await upload(phone.id, Buffer.alloc(16 * 1024 * 1024, 1));
        assert.equal(res.status, 413);
        assert.equal(await errorCode(res), 'image-too-large');
      });

      it('should be for operators only, from our own pages, for products that exist', async () => {
        const anonymous = await fetch(`${server.url}/ops/api/catalog/products/${phone.id}/images`, { method: 'POST', body: new Uint8Array(photo), headers: { 'content-type': 'image/jpeg' } });
        assert.equal(anonymous.status, 401);
        assert.equal(await errorCode(anonymous), 'operator-required');
        const crossSite = await upload(phone.id, photo, { 'sec-fetch-site': 'cross-site' });
        assert.equal(crossSite.status, 403);
        const unknown = await upload('itm0000000000000', photo);
        assert.equal(unknown.status, 404);
        assert.equal(await errorCode(unknown), 'product-not-found');
        const badPosition = await upload(phone.id, photo, {}, '?position=-1');
        assert.equal(badPosition.status, 400);
      });
    });

    describe('npm run images -- add', () => {
      it('should add photos to a product in the store the environment names, and refuse bad files by name', async () => {
        const file = path.join(server.config.dataDir, 'upload.jpg');
        fs.writeFileSync(file, photo);
        const svg = path.join(server.config.dataDir, 'drawing.svg');
        fs.writeFileSync(svg, '<svg xmlns="http://www.w3.org/2000/svg"/>');
        const env = { ...process.env, DATA_DIR: server.config.dataDir, LOG_LEVEL: 'silent', ...(server.config.databaseUrl ? { DATABASE_URL: server.config.databaseUrl, DATABASE_SCHEMA: server.config.databaseSchema! } : {}) };
        // Asynchronous: the server under test runs in this very process and must keep answering.
        const cli = (...args: string[]) =>
          new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
            execFile(process.execPath, ['--import', 'tsx', 'server/images/images-cli.ts', ...args], { env, encoding: 'utf8' }, (error, stdout, stderr) => resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
          });
        // The CLI writes the store; a running server's in-memory answers learn of it at their next change.
        const stored = async () => parseImageSpec((await server.store.db.selectFrom('products').select('images').where('id', '=', phone.id).executeTakeFirstOrThrow()).images).shots;
        const before = (await stored()).length;
        const ok = await cli('add', phone.id, file, '--alt', 'From the CLI');
        assert.equal(ok.status, 0, ok.stderr);
        assert.match(ok.stdout, new RegExp(`image #${before} of ${phone.id}: 480×480`));
        const now = await stored();
        assert.equal(now.length, before + 1);
        assert.equal(now.at(-1)!.alt, 'From the CLI');
        const served = await fetch(server.url + photoUrl(now.at(-1)!.photo!, 200, 'avif'));
        assert.equal(served.status, 200, 'its files are in the store the server serves from');
        const refused = await cli('add', phone.id, svg);
        assert.equal(refused.status, 1);
        assert.match(refused.stderr, /^image-type-unsupported:/);
        assert.equal((await cli('add', phone.id)).status, 2, 'usage');
      });
    });

    describe('/ops/catalog/images', () => {
      it('should show a product with its pictures and an upload form that redirects back', async () => {
        const page = await fetch(`${server.url}/ops/catalog/images?product=${phone.id}`, { headers: server.operator });
        assert.equal(page.status, 200);
        const html = await page.text();
        assert.match(html, /enctype="multipart\/form-data"/);
        assert.ok(html.includes(phone.title.replace(/&/g, '&#38;').slice(0, 20)) || html.includes('<h1>'));
        const form = new FormData();
        form.append('image', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'c.jpg');
        const res = await fetch(`${server.url}/ops/catalog/images?product=${phone.id}`, { method: 'POST', body: form, headers: server.operator, redirect: 'manual' });
        assert.equal(res.status, 303);
        assert.equal(res.headers.get('location'), `/ops/catalog/images?product=${phone.id}&added=1`);
      });
    });

    describe('GET /img/v1/…', () => {
      it('should answer 404 for keys and files that are not there', async () => {
        for (const path of ['/img/v1/0123456789abcdef01234567/400.avif', '/img/v1/0123456789abcdef01234567/401.gif', '/img/v9/0123456789abcdef01234567/400.avif', '/img/v1/../400.avif']) {
          const res = await fetch(server.url + path);
          assert.equal(res.status, 404, path);
        }
      });
    });

    describe('seeded drawings', () => {
      it('should become photos once first viewed, with the drawing answering meanwhile', async () => {
        const browse = (await (await fetch(`${server.url}/api/catalog/browse/fashion`)).json()) as BrowseResult;
        const first = browse.products.find((p) => !p.image.photo)!;
        const svg = await fetch(server.url + first.image.url);
        assert.equal(svg.status, 200);
        assert.match(svg.headers.get('content-type')!, /^image\/svg\+xml/);
        await server.shop.photos.idle();
        const now = await product(first.id);
        const shown = now.images[0]!.photo!;
        assert.ok(shown, 'the first image is a photo now');
        assert.deepEqual(shown.widths, [200, 400, 600, 800, 1200]);
        const res = await fetch(server.url + now.image.url);
        assert.equal(res.status, 200);
        assert.equal(res.headers.get('content-type'), 'image/webp');
        assert.ok(now.images.slice(1).every((image) => !image.photo), 'only what was viewed is processed');
        const again = (await (await fetch(`${server.url}/api/catalog/browse/fashion`)).json()) as BrowseResult;
        assert.deepEqual(again.products.find((p) => p.id === first.id)!.image, now.image, 'grids show it too');
      });
    });
  });
}
