import fs from 'node:fs';
import { renderStudioPhoto, studioSvg } from '../server/images/seed/studio-photo';
import { encodePhoto } from '../server/images/processing/encode-photo';
for (const [kind, hex] of [['shoe', '#c8302f'], ['pack', '#2f8a57'], ['phone', '#f2f2f2']] as const) {
  let t = performance.now();
  const jpg = await renderStudioPhoto(studioSvg({ kind, label: 'Tata Salt', sublabel: '1 kg pack', shots: [{ hex, view: 0, alt: 'x' }] }, 0)!);
  const t1 = performance.now() - t;
  fs.writeFileSync(`scratch/${kind}.jpg`, jpg);
  t = performance.now();
  const enc = await encodePhoto(jpg, 1200, [{ name: 'C', hex }]);
  console.log(kind, Math.round(t1), 'ms render', jpg.length, 'B;', Math.round(performance.now() - t), 'ms encode', enc.files.map((f) => `${f.name}:${f.bytes.length}`).join(' '), enc.placeholder.length, JSON.stringify(enc.analysis.swatches), enc.analysis.background);
}
