/**
 * `npm run images -- add <productId> <file>… [--alt "text"] [--position n]`: adds photos to a
 * product, through the same checks and processing as the ops upload. It works on the store named by
 * DATA_DIR / DATABASE_URL (and the image files under DATA_DIR), whether the shop is up or down.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { AppError } from '../errors/app-error';
import { createLogger } from '../http/logger';
import { openStore } from '../store/database';
import { PhotoPipeline } from './photo-pipeline';
import { FsImageStore } from './store/fs-image-store';
import { addedImageView } from './upload-routes';
import { appErrorLine, runCli } from '../cli';

const USAGE = 'Usage: npm run images -- add <productId> <file>… [--alt "what the photo shows"] [--position n]';

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { alt: { type: 'string' }, position: { type: 'string' } } });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const [command, productId, ...files] = parsed.positionals;
  const position = parsed.values.position === undefined ? undefined : Number(parsed.values.position);
  if (command !== 'add' || !productId || files.length === 0 || (position !== undefined && !(Number.isInteger(position) && position >= 0))) {
    console.error(USAGE);
    return 2;
  }
  const missing = files.filter((file) => !fs.existsSync(file));
  if (missing.length > 0) {
    console.error(`No such file: ${missing.join(', ')}`);
    return 2;
  }
  const config = loadConfig();
  const store = await openStore(config);
  const photos = new PhotoPipeline({ store, images: FsImageStore.inDataDir(config.dataDir), logger: createLogger('warn'), workers: 1, seedPhotos: 'off' });
  try {
    const uploads = files.map((file) => ({ bytes: fs.readFileSync(file), alt: parsed.values.alt }));
    const added = await photos.addUploads(productId, uploads, position);
    for (const [n, image] of added.map(addedImageView).entries()) {
      const swatches = Object.entries(image.swatches).map(([name, s]) => `${name} ${s.hex} (ΔE ${s.deltaE})`).join(', ') || 'none';
      console.log(`${files[n]} → image #${image.index} of ${productId}: ${image.image.photo!.width}×${image.image.photo!.height}, widths ${image.image.photo!.widths.join('/')}; swatches: ${swatches}`);
    }
    // Another process's answers kept in memory cannot hear this one (decisions/0012).
    console.log('Running shops show them once their catalog answers are rebuilt (their next catalog change, or a restart); /ops uploads show at once.');
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      console.error(appErrorLine(error));
      return 1;
    }
    throw error;
  } finally {
    await photos.close();
    await store.close();
  }
}

runCli(main);
