/**
 * The work one photo needs, as plain messages: an upload (bytes to check and normalize) or a seeded
 * drawing (an SVG to render in the studio), then every encoding and the palette. It runs in a
 * worker thread (see photo-pool), so decoding, encoding and the palette maths never hold up a request.
 */
import { UploadRefused, normalizeOriginal, sha256, type Original } from '../processing/normalize-original';
import { encodePhoto, type EncodedFile } from '../processing/encode-photo';
import type { PaletteColour } from '../palette/photo-palette';
import { renderStudioPhoto, STUDIO_SIDE } from '../seed/studio-photo';

export type PhotoJob = { kind: 'upload'; bytes: Uint8Array } | { kind: 'drawing'; svg: string };

/** Everything the shop keeps of one photo. */
export interface ProcessedPhoto {
  original: Original;
  files: EncodedFile[];
  widths: number[];
  placeholder: string;
  palette: PaletteColour[];
  /** Share of the picture that is background. */
  background: number;
}

export type JobOutcome = { ok: true; photo: ProcessedPhoto } | { ok: false; refused?: { code: UploadRefused['code']; details: Record<string, unknown> }; message: string };

/** Runs one job to its outcome; a refused upload is an outcome, not a crash. */
export async function runPhotoJob(job: PhotoJob): Promise<JobOutcome> {
  try {
    const original = job.kind === 'upload' ? await normalizeOriginal(job.bytes) : await studioOriginal(job.svg);
    const encoded = await encodePhoto(original.bytes, original.width);
    return {
      ok: true,
      photo: { original, files: encoded.files, widths: encoded.widths, placeholder: encoded.placeholder, palette: encoded.analysis.palette, background: encoded.analysis.background },
    };
  } catch (error) {
    if (error instanceof UploadRefused) return { ok: false, refused: { code: error.code, details: error.details }, message: error.message };
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

async function studioOriginal(svg: string): Promise<Original> {
  const bytes = await renderStudioPhoto(svg);
  return { bytes, hash: sha256(bytes), format: 'jpeg', width: STUDIO_SIDE, height: STUDIO_SIDE };
}
