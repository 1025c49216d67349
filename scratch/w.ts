import { parentPort } from 'node:worker_threads';
import type { PaletteColour } from '../server/images/palette/photo-palette';
const x: PaletteColour = { hex: '#000000', share: 1 };
parentPort!.postMessage({ ok: x });
