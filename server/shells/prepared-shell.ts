/**
 * A shell ready to send: the level-2 template rendered with this release's values, split at the
 * nonce (and at the lead picture's slot, decisions/0025, where a loading layout has one). A request
 * only copies the parts around a fresh nonce and its lead picture (and, for gzip, stitches the
 * pre-deflated parts), so serving a shell costs about as much as sending a static file.
 */
import Handlebars from 'handlebars';
import { takeBytes } from './byte-slab';
import { GzipSplice, type MixedHoles } from './gzip-splice';

/** Stands in for the nonce while the release-constant part of the template is rendered. */
const NONCE_MARK = 'N0NCE-MARK-9f3c1e';
/** Stands in for the page's lead picture (`LEAD_PICTURE_SLOT`), which a request fills or leaves empty. */
const LEAD_MARK = 'L3AD-MARK-5b7d20';
const HOLES = new RegExp(`(${NONCE_MARK}|${LEAD_MARK})`);

/** The parts around both kinds of hole, for a request that fills the lead slot. */
interface LeadParts {
  parts: Buffer[];
  /** Which holes (between the parts) take the lead picture; the others take the nonce. */
  leadHoles: boolean[];
  gzip: GzipSplice;
  /**
   * Each lead picture's gzip holes and CRC terms, worked out at its first response (pictures are
   * immutable: one Buffer per catalog answer, let go with it).
   */
  mixed: WeakMap<Buffer, MixedHoles>;
}

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
  /** Set when the shell has a lead picture slot (one kind more of hole, beside the nonce). */
  private readonly lead: LeadParts | null;

  constructor(name: string, status: number, levelTwoSource: string, values: ReleaseValues) {
    this.name = name;
    this.status = status;
    const template = Handlebars.compile(levelTwoSource, { strict: true, noEscape: false });
    const html = template({ ...values, nonce: NONCE_MARK, lead: LEAD_MARK });
    // Without a lead picture the slot is empty and the nonce is the only hole: the fast path below.
    this.parts = html.replace(LEAD_MARK, '').split(NONCE_MARK).map((part) => Buffer.from(part, 'utf8'));
    this.fixedLength = this.parts.reduce((sum, part) => sum + part.length, 0);
    this.gzip = new GzipSplice(this.parts);
    if (html.includes(LEAD_MARK)) {
      // `split` with a capturing group: parts at even indexes, the marks between them at odd ones.
      const pieces = html.split(HOLES);
      const parts = pieces.filter((_, i) => i % 2 === 0).map((part) => Buffer.from(part, 'utf8'));
      const leadHoles = pieces.filter((_, i) => i % 2 === 1).map((mark) => mark === LEAD_MARK);
      this.lead = { parts, leadHoles, gzip: new GzipSplice(parts), mixed: new WeakMap() };
    } else {
      this.lead = null;
    }
  }

  /** Whether the shell has a slot for the page's lead picture. */
  get hasLeadSlot(): boolean {
    return this.lead !== null;
  }

  /** The document with `nonce` in every nonce slot and `lead` (HTML) in the lead picture's, if given. */
  render(nonce: Buffer, lead?: Buffer | null): Buffer {
    if (lead && this.lead) return this.renderWithLead(nonce, lead, this.lead);
    const out = takeBytes(this.fixedLength + nonce.length * (this.parts.length - 1));
    // `set` rather than Buffer's `copy` (see GzipSplice): the lengths add up by construction.
    let offset = 0;
    for (let i = 0; i < this.parts.length; i++) {
      if (i > 0) {
        out.set(nonce, offset);
        offset += nonce.length;
      }
      const part = this.parts[i]!;
      out.set(part, offset);
      offset += part.length;
    }
    return out;
  }

  /** The gzip encoding of `render(nonce, lead)`, made without rendering it. */
  renderGzip(nonce: Buffer, lead?: Buffer | null): Buffer {
    if (lead && this.lead) return this.renderGzipWithLead(nonce, lead, this.lead);
    return this.gzip.renderRepeated(nonce);
  }

  /** With a lead picture: what the picture adds to the CRC is worked out once per picture, then a response costs its nonce's CRC. */
  private renderGzipWithLead(nonce: Buffer, lead: Buffer, { leadHoles, gzip, mixed }: LeadParts): Buffer {
    let holes = mixed.get(lead);
    if (!holes || holes.repeatedLength !== nonce.length) {
      holes = gzip.mixedHoles(leadHoles.map((isLead) => (isLead ? lead : null)), nonce.length);
      mixed.set(lead, holes);
    }
    return gzip.renderMixed(holes, nonce);
  }

  private renderWithLead(nonce: Buffer, lead: Buffer, { parts, leadHoles }: LeadParts): Buffer {
    let length = 0;
    for (const part of parts) length += part.length;
    for (const isLead of leadHoles) length += isLead ? lead.length : nonce.length;
    const out = takeBytes(length);
    let offset = 0;
    for (let i = 0; i < parts.length; i++) {
      if (i > 0) {
        const hole = leadHoles[i - 1] ? lead : nonce;
        out.set(hole, offset);
        offset += hole.length;
      }
      const part = parts[i]!;
      out.set(part, offset);
      offset += part.length;
    }
    return out;
  }
}
