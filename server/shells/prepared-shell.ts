/**
 * A shell ready to send: the level-2 template rendered with this release's values, split at the
 * nonce. A request only copies the parts around a fresh nonce (and, for gzip, stitches the
 * pre-deflated parts), so serving a shell costs about as much as sending a static file.
 */
import Handlebars from 'handlebars';
import { takeBytes } from './byte-slab';
import { GzipSplice } from './gzip-splice';

/** Stands in for the nonce while the release-constant part of the template is rendered. */
const NONCE_MARK = 'N0NCE-MARK-9f3c1e';

export interface ReleaseValues {
  release: string;
  vendorjs: string;
  vendorcss: string | null;
  appjs: string;
  appcss: string | null;
  routejs: string[];
  routecss: string[];
}

export class PreparedShell {
  readonly status: number;
  readonly name: string;
  private readonly parts: Buffer[];
  private readonly gzip: GzipSplice;
  private readonly fixedLength: number;

  constructor(name: string, status: number, levelTwoSource: string, values: ReleaseValues) {
    this.name = name;
    this.status = status;
    const template = Handlebars.compile(levelTwoSource, { strict: true, noEscape: false });
    const html = template({ ...values, nonce: NONCE_MARK });
    this.parts = html.split(NONCE_MARK).map((part) => Buffer.from(part, 'utf8'));
    this.fixedLength = this.parts.reduce((sum, part) => sum + part.length, 0);
    this.gzip = new GzipSplice(this.parts);
  }

  /** The document with `nonce` in every nonce slot. */
  render(nonce: Buffer): Buffer {
    const out = takeBytes(this.fixedLength + nonce.length * (this.parts.length - 1));
    let offset = 0;
    for (let i = 0; i < this.parts.length; i++) {
      if (i > 0) offset += nonce.copy(out, offset);
      offset += this.parts[i]!.copy(out, offset);
    }
    return out;
  }

  /** The gzip encoding of `render(nonce)`, made without rendering it. */
  renderGzip(nonce: Buffer): Buffer {
    return this.gzip.renderRepeated(nonce);
  }
}
