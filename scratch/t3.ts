import { ellipse, flat, paintPhoto, rect } from '../test/support/painted-photo';
import { analysisPixels } from '../server/images/processing/encode-photo';
import { labPixels, backgroundMask } from '../server/images/palette/background-mask';
const photo = await paintPhoto({ background: flat('#eef0f2'), shapes: [ellipse(0.5, 0.5, 0.36, 0.2, '#c62828', 0.05), rect(0.14, 0.62, 0.86, 0.7, '#fbfbfb'), rect(0.4, 0.35, 0.6, 0.42, '#151515')], shadow: { cx: 0.5, cy: 0.74, rx: 0.4, ry: 0.05, darkness: 0.4 }, noise: 3 });
const img = await analysisPixels(photo);
const lab = labPixels(img);
const mask = backgroundMask(img, lab);
const x = 48;
for (let y = 50; y < 80; y++) { const i = y * img.width + x; console.log(y, lab[i]!.l.toFixed(1), lab[i]!.a.toFixed(1), lab[i]!.b.toFixed(1), mask[i]); }
let rows=''; for (let y=0;y<img.height;y+=2){let r='';for(let x=0;x<img.width;x+=1)r+=mask[y*img.width+x]?'.':'#';rows+=r+'\n'} console.log(rows)
const y0 = 64; let line = ''; for (let x = 5; x < 20; x++) { const i = y0 * img.width + x; line += `${x}:${lab[i]!.l.toFixed(1)}/${mask[i]} `; } console.log(line);
