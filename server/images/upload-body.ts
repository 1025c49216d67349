/**
 * Reads the image files of an upload request: either the file itself as the body (any image type
 * or application/octet-stream; the bytes decide what it is), or multipart/form-data with one or more
 * `image` file fields and an optional `alt` field. Sizes are capped while reading, never after.
 */
import busboy from 'busboy';
import type { Request } from 'express';
import { AppError } from '../errors/app-error';
import { UPLOAD_LIMITS } from './processing/upload-limits';
import type { UploadFile } from './photo-pipeline';

/** Most files one request may carry. */
export const MAX_FILES_PER_UPLOAD = 6;

/** The files of an upload request, in order; throws AppError for a missing, oversized or malformed body. */
export async function readUploadFiles(req: Request, defaultAlt?: string): Promise<UploadFile[]> {
  const type = req.headers['content-type'] ?? '';
  const files = /^multipart\/form-data/i.test(type) ? await readMultipart(req) : [{ bytes: await readRaw(req) }];
  if (files.length === 0 || files.some((file) => file.bytes.byteLength === 0)) throw new AppError('image-upload-missing');
  return files.map((file) => ({ ...file, alt: file.alt ?? defaultAlt }));
}

function readRaw(req: Request): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > UPLOAD_LIMITS.maxBytes) return Promise.reject(tooLarge(declared));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > UPLOAD_LIMITS.maxBytes) {
        req.removeAllListeners('data');
        req.resume();
        reject(tooLarge(size));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function readMultipart(req: Request): Promise<Array<{ bytes: Buffer; alt?: string }>> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { fileSize: UPLOAD_LIMITS.maxBytes, files: MAX_FILES_PER_UPLOAD, fields: 8, fieldSize: 1024 } });
    } catch {
      reject(new AppError('image-upload-missing', { reason: 'malformed multipart body' }));
      return;
    }
    const files: Array<{ bytes: Buffer; alt?: string }> = [];
    let alt: string | undefined;
    let failed: AppError | null = null;
    parser.on('file', (field, stream) => {
      if (field !== 'image') {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => (failed ??= tooLarge(UPLOAD_LIMITS.maxBytes + 1)));
      stream.on('end', () => files.push({ bytes: Buffer.concat(chunks) }));
    });
    parser.on('field', (field, value) => {
      if (field === 'alt') alt = value.slice(0, 200);
    });
    parser.on('filesLimit', () => (failed ??= new AppError('bad-request', { reason: `at most ${MAX_FILES_PER_UPLOAD} images per request` })));
    parser.on('error', () => reject(new AppError('image-upload-missing', { reason: 'malformed multipart body' })));
    parser.on('close', () => (failed ? reject(failed) : resolve(files.map((file) => (alt ? { ...file, alt } : file)))));
    req.pipe(parser);
  });
}

function tooLarge(bytes: number): AppError {
  return new AppError('image-too-large', { bytes, maxBytes: UPLOAD_LIMITS.maxBytes });
}
