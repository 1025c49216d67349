/**
 * One small drawing per kind of product, on a 400×400 canvas, painted from a palette. Shapes use
 * `url(#g)`, the gradient of the product colour defined by the frame (see render-svg).
 */
import type { ImageKind } from './image-spec';
import type { Palette } from './palette';

export interface DrawInput {
  p: Palette;
  /** 0 is the front, 1 the other view (the back of a phone, an angle for everything else). */
  view: 0 | 1;
  label: string;
  sublabel: string;
}

const G = 'url(#g)';
const text = (x: number, y: number, size: number, fill: string, content: string, weight = 600) =>
  content ? `<text x="${x}" y="${y}" font-family="Arial,sans-serif" font-size="${size}" font-weight="${weight}" fill="${fill}" text-anchor="middle">${content}</text>` : '';

/** Splits a title into at most `lines` lines of about `width` characters. */
function wrap(content: string, width: number, lines: number): string[] {
  const out: string[] = [];
  for (const word of content.split(/\s+/)) {
    const last = out[out.length - 1];
    if (last !== undefined && (last + ' ' + word).length <= width) out[out.length - 1] = `${last} ${word}`;
    else out.push(word);
  }
  if (out.length <= lines) return out;
  const kept = out.slice(0, lines);
  kept[lines - 1] = `${kept[lines - 1]!.slice(0, width - 1)}…`;
  return kept;
}

const phone = ({ p, view }: DrawInput) =>
  view === 0
    ? `<rect x="128" y="40" width="144" height="300" rx="26" fill="${G}"/><rect x="137" y="52" width="126" height="276" rx="18" fill="#11151c"/><circle cx="200" cy="66" r="5" fill="#2a2f38"/><path d="M137 250 Q200 170 263 230 L263 310 Q263 328 245 328 L155 328 Q137 328 137 310Z" fill="${p.base}" opacity=".55"/><circle cx="170" cy="140" r="46" fill="${p.light}" opacity=".35"/>`
    : `<rect x="128" y="40" width="144" height="300" rx="26" fill="${G}"/><rect x="144" y="58" width="70" height="96" rx="18" fill="${p.dark}"/><circle cx="166" cy="82" r="13" fill="#15171c" stroke="#555" stroke-width="3"/><circle cx="166" cy="128" r="13" fill="#15171c" stroke="#555" stroke-width="3"/><circle cx="196" cy="82" r="5" fill="#f5e7b0"/>`;

const shirt = ({ p }: DrawInput) =>
  `<path d="M140 70 L176 52 Q200 72 224 52 L260 70 L322 122 L296 164 L266 144 L266 340 L134 340 L134 144 L104 164 L78 122Z" fill="${G}"/><path d="M176 52 L200 96 L224 52" fill="none" stroke="${p.dark}" stroke-width="5"/><path d="M200 96 V340" stroke="${p.dark}" stroke-width="3"/>${[130, 180, 230, 280].map((y) => `<circle cx="208" cy="${y}" r="4" fill="${p.dark}"/>`).join('')}<path d="M226 150 h26 v26 h-26z" fill="none" stroke="${p.dark}" stroke-width="3"/>`;

const tshirt = ({ p }: DrawInput) =>
  `<path d="M150 60 Q200 92 250 60 L322 106 L296 152 L266 136 L266 340 L134 340 L134 136 L104 152 L78 106Z" fill="${G}"/><path d="M150 60 Q200 92 250 60" fill="none" stroke="${p.dark}" stroke-width="8"/><path d="M104 152 L134 136 M296 152 L266 136" stroke="${p.dark}" stroke-width="4"/>`;

const dress = ({ p }: DrawInput) =>
  `<path d="M168 40 L176 40 L182 90 L218 90 L224 40 L232 40 L244 132 Q300 240 322 350 L78 350 Q100 240 156 132Z" fill="${G}"/><rect x="152" y="128" width="96" height="14" rx="4" fill="${p.dark}"/><path d="M120 300 Q200 320 280 300" fill="none" stroke="${p.dark}" stroke-width="3" opacity=".6"/>`;

const jeans = ({ p }: DrawInput) =>
  `<path d="M128 48 L272 48 L288 350 L214 350 L200 150 L186 350 L112 350Z" fill="${G}"/><rect x="128" y="48" width="144" height="22" fill="${p.dark}"/><path d="M140 70 Q160 110 186 90 M260 70 Q240 110 214 90 M200 70 V150" fill="none" stroke="${p.light}" stroke-width="3" stroke-dasharray="6 4"/>`;

const shoe = ({ p }: DrawInput) =>
  `<path d="M58 272 Q66 200 128 190 L190 158 Q232 148 252 190 Q300 214 340 228 Q364 244 352 280 L58 284Z" fill="${G}"/><path d="M54 280 L354 280 Q358 300 340 306 L62 306 Q48 300 54 280Z" fill="#f3f3f1" stroke="#c9c9c9" stroke-width="2"/><path d="M190 170 L212 196 M206 164 L228 190 M222 160 L242 186" stroke="#fff" stroke-width="5" stroke-linecap="round"/><path d="M90 250 Q180 236 330 258" fill="none" stroke="${p.dark}" stroke-width="6"/>`;

const laptop = ({ p }: DrawInput) =>
  `<rect x="84" y="76" width="232" height="160" rx="12" fill="${G}"/><rect x="96" y="88" width="208" height="136" rx="4" fill="#141821"/><path d="M96 200 Q180 130 304 170 V224 H96Z" fill="${p.base}" opacity=".5"/><path d="M56 240 L344 240 L364 278 Q364 284 356 284 L44 284 Q36 284 36 278Z" fill="${G}"/><rect x="170" y="252" width="60" height="16" rx="4" fill="${p.dark}" opacity=".5"/>`;

const headphones = ({ p }: DrawInput) =>
  `<path d="M112 220 Q112 76 200 76 Q288 76 288 220" fill="none" stroke="${p.dark}" stroke-width="20" stroke-linecap="round"/><rect x="84" y="196" width="64" height="110" rx="28" fill="${G}"/><rect x="252" y="196" width="64" height="110" rx="28" fill="${G}"/><rect x="136" y="210" width="20" height="82" rx="10" fill="#2a2d33"/><rect x="244" y="210" width="20" height="82" rx="10" fill="#2a2d33"/>`;

const watch = ({ p }: DrawInput) =>
  `<rect x="166" y="36" width="68" height="328" rx="22" fill="${p.dark}"/><rect x="132" y="126" width="136" height="150" rx="38" fill="${G}"/><rect x="146" y="140" width="108" height="122" rx="26" fill="#0f1218"/>${text(200, 208, 30, '#fff', '10:09')}${text(200, 232, 12, p.light, 'STEPS 8,412', 400)}<rect x="268" y="176" width="8" height="30" rx="3" fill="${p.dark}"/>`;

const speaker = ({ p }: DrawInput) =>
  `<rect x="80" y="150" width="240" height="130" rx="65" fill="${G}"/><rect x="80" y="150" width="40" height="130" rx="20" fill="${p.dark}"/><rect x="280" y="150" width="40" height="130" rx="20" fill="${p.dark}"/><circle cx="200" cy="215" r="44" fill="${p.dark}" opacity=".45"/><circle cx="200" cy="215" r="22" fill="${p.dark}"/>`;

const sofa = ({ p }: DrawInput) =>
  `<rect x="80" y="130" width="240" height="110" rx="26" fill="${p.dark}"/><rect x="96" y="200" width="208" height="64" rx="16" fill="${G}"/><rect x="56" y="170" width="54" height="120" rx="22" fill="${G}"/><rect x="290" y="170" width="54" height="120" rx="22" fill="${G}"/><path d="M200 204 V262" stroke="${p.dark}" stroke-width="3"/><rect x="76" y="290" width="12" height="34" rx="3" fill="#5c3b24"/><rect x="312" y="290" width="12" height="34" rx="3" fill="#5c3b24"/>`;

const lamp = ({ p }: DrawInput) =>
  `<circle cx="200" cy="210" r="120" fill="#fff3c4" opacity=".5"/><path d="M142 80 L258 80 L292 188 L108 188Z" fill="${G}"/><rect x="194" y="188" width="12" height="130" fill="${p.dark}"/><ellipse cx="200" cy="326" rx="70" ry="16" fill="${p.dark}"/>`;

const chair = ({ p }: DrawInput) =>
  `<rect x="136" y="50" width="128" height="150" rx="30" fill="${G}"/><rect x="120" y="206" width="160" height="40" rx="16" fill="${G}"/><rect x="192" y="246" width="16" height="54" fill="#3a3d44"/><path d="M120 318 L200 296 L280 318 M200 296 V330" stroke="#3a3d44" stroke-width="10" stroke-linecap="round"/>${[120, 200, 280].map((x) => `<circle cx="${x}" cy="330" r="10" fill="#222"/>`).join('')}`;

const fridge = ({ p }: DrawInput) =>
  `<rect x="116" y="36" width="168" height="316" rx="16" fill="${G}"/><path d="M116 140 H284" stroke="${p.dark}" stroke-width="4"/><rect x="262" y="70" width="8" height="50" rx="4" fill="${p.dark}"/><rect x="262" y="160" width="8" height="80" rx="4" fill="${p.dark}"/><rect x="136" y="58" width="36" height="18" rx="4" fill="#1b1f27" opacity=".7"/>`;

const washer = ({ p }: DrawInput) =>
  `<rect x="96" y="60" width="208" height="286" rx="18" fill="${G}"/><path d="M96 114 H304" stroke="${p.dark}" stroke-width="3"/><circle cx="262" cy="88" r="12" fill="${p.dark}"/><rect x="118" y="80" width="70" height="16" rx="4" fill="#1b1f27" opacity=".7"/><circle cx="200" cy="226" r="80" fill="${p.dark}"/><circle cx="200" cy="226" r="62" fill="#cfdbe6"/><path d="M150 240 Q200 200 250 240 Q250 282 200 288 Q150 282 150 240Z" fill="#9fb6ca"/>`;

const tv = ({ p }: DrawInput) =>
  `<rect x="40" y="70" width="320" height="200" rx="8" fill="${p.dark}"/><rect x="50" y="80" width="300" height="180" fill="#10131a"/><path d="M50 260 L140 170 L200 220 L260 150 L350 240 V260Z" fill="${p.base === '#f2f2f2' ? '#3566c8' : p.light}" opacity=".8"/><circle cx="290" cy="120" r="18" fill="#f5d06a"/><path d="M150 270 L130 312 M250 270 L270 312" stroke="${p.dark}" stroke-width="8" stroke-linecap="round"/>`;

const ac = ({ p }: DrawInput) =>
  `<rect x="44" y="130" width="312" height="110" rx="24" fill="${G}" stroke="${p.dark}" stroke-width="2"/><path d="M72 214 H328 M84 226 H316" stroke="${p.dark}" stroke-width="4" stroke-linecap="round"/><circle cx="320" cy="160" r="6" fill="#4cc38a"/>${text(200, 178, 22, p.dark, '24°C')}<path d="M120 262 Q130 290 120 318 M200 262 Q210 290 200 318 M280 262 Q290 290 280 318" fill="none" stroke="#8cc8f0" stroke-width="5" stroke-linecap="round"/>`;

const mixer = ({ p }: DrawInput) =>
  `<path d="M150 70 L250 70 L238 210 L162 210Z" fill="#e8f1f6" stroke="#a9bcc8" stroke-width="3"/><rect x="146" y="56" width="108" height="20" rx="6" fill="${p.dark}"/><path d="M120 210 L280 210 L300 340 L100 340Z" fill="${G}"/><circle cx="200" cy="280" r="22" fill="${p.dark}"/><path d="M200 280 L212 266" stroke="#fff" stroke-width="4"/>`;

const bottle = ({ p, label }: DrawInput) =>
  `<rect x="186" y="56" width="28" height="40" rx="4" fill="${p.dark}"/><rect x="172" y="92" width="56" height="40" rx="8" fill="${p.dark}"/><rect x="146" y="126" width="108" height="220" rx="22" fill="${G}"/><rect x="158" y="190" width="84" height="100" rx="8" fill="#fff" opacity=".9"/>${text(200, 230, 13, '#1f2329', label.slice(0, 12))}${text(200, 256, 10, '#6b7280', 'NATURAL CARE', 400)}`;

const jar = ({ p, label }: DrawInput) =>
  `<rect x="112" y="168" width="176" height="44" rx="10" fill="${p.dark}"/><rect x="120" y="206" width="160" height="132" rx="22" fill="${G}"/><rect x="138" y="238" width="124" height="64" rx="8" fill="#fff" opacity=".9"/>${text(200, 276, 14, '#1f2329', label.slice(0, 14))}`;

const lipstick = ({ p }: DrawInput) =>
  `<path d="M174 116 L226 92 L226 200 L174 200Z" fill="${G}"/><rect x="168" y="196" width="64" height="40" rx="4" fill="#c9a24a"/><rect x="160" y="232" width="80" height="116" rx="8" fill="#1d1d22"/><rect x="240" y="236" width="70" height="108" rx="8" fill="#1d1d22" opacity=".25"/>`;

const pack = ({ p, label, sublabel }: DrawInput) =>
  `<path d="M112 64 L288 64 L302 340 L98 340Z" fill="${G}"/><rect x="108" y="56" width="184" height="22" rx="4" fill="${p.dark}"/><ellipse cx="200" cy="200" rx="82" ry="60" fill="#fff" opacity=".93"/>${text(200, 196, 20, p.dark, label.slice(0, 14), 700)}${text(200, 222, 12, '#374151', sublabel.slice(0, 24), 400)}`;

const book = ({ p, label, sublabel }: DrawInput) => {
  const lines = wrap(label, 14, 4);
  return `<rect x="112" y="40" width="184" height="300" rx="4" fill="${p.base}"/><rect x="112" y="40" width="18" height="300" fill="${p.dark}"/><rect x="296" y="46" width="8" height="290" fill="#eee"/><path d="M150 88 H276" stroke="${p.ink}" stroke-width="2" opacity=".6"/>${lines.map((line, i) => text(212, 130 + i * 28, 22, p.ink, line, 700)).join('')}<path d="M150 270 H276" stroke="${p.ink}" stroke-width="2" opacity=".6"/>${text(212, 300, 14, p.ink, sublabel.slice(0, 22), 400)}`;
};

/** The drawing of each kind of product. */
export const ILLUSTRATIONS: Record<ImageKind, (input: DrawInput) => string> = {
  phone, shirt, tshirt, dress, jeans, shoe, laptop, headphones, watch, speaker,
  sofa, lamp, chair, fridge, washer, tv, ac, mixer, bottle, jar, lipstick, pack, book,
};
