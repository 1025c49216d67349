import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ellipse, flat, paintPhoto, rect, vignette, type Scene } from './painted-photo';
import { analysisPixels } from '../processing/encode-photo';
import { deltaE2000, labOfCss } from './colour-space';
import { photoPalette, pickSwatches, type NamedColour } from './photo-palette';
import { SWATCH_MAX_DELTA_E } from './swatch-pick';

const dE = (x: string, y: string) => deltaE2000(labOfCss(x), labOfCss(y));

interface Case {
  name: string;
  scene: Scene;
  /** The colour names asked for, each with the value typed for it and the true colour painted. */
  colours: Array<NamedColour & { truth: string }>;
  /** Backdrop colours the swatch must never be. */
  backgrounds: string[];
}

const shoe = (hex: string, light = 0.06) => [ellipse(0.5, 0.55, 0.34, 0.2, hex, light), rect(0.22, 0.55, 0.78, 0.7, hex, light)];

const cases: Case[] = [
  {
    name: 'a flat red product on white',
    scene: { background: flat('#ffffff'), shapes: shoe('#b8282a', 0) },
    colours: [{ name: 'Red', hex: '#c8302f', truth: '#b8282a' }],
    backgrounds: ['#ffffff'],
  },
  {
    name: 'a lit navy product with a soft shadow on a vignetted white sweep, with grain',
    scene: { background: vignette('#fafafa', 0.12), shapes: shoe('#22335e'), shadow: { cx: 0.5, cy: 0.78, rx: 0.42, ry: 0.08, darkness: 0.35 }, noise: 4 },
    colours: [{ name: 'Navy Blue', hex: '#1f2f57', truth: '#22335e' }],
    backgrounds: ['#fafafa'],
  },
  {
    name: 'a white product on a grey backdrop',
    scene: { background: vignette('#c9cbcf', 0.1), shapes: [rect(0.3, 0.15, 0.7, 0.85, '#f4f4f2', 0.03)], shadow: { cx: 0.5, cy: 0.88, rx: 0.3, ry: 0.05, darkness: 0.3 }, noise: 3 },
    colours: [{ name: 'White', hex: '#f7f7f5', truth: '#f4f4f2' }],
    backgrounds: ['#c9cbcf'],
  },
  {
    name: 'a grey product on a light grey backdrop',
    scene: { background: flat('#e6e6e6'), shapes: shoe('#8a8d91'), noise: 3 },
    colours: [{ name: 'Grey', hex: '#8c8f94', truth: '#8a8d91' }],
    backgrounds: ['#e6e6e6'],
  },
  {
    name: 'a yellow product on a coloured (blue) backdrop',
    scene: { background: vignette('#3b6fd0', 0.15), shapes: [ellipse(0.5, 0.5, 0.3, 0.3, '#f0cf3c', 0.05)], noise: 3 },
    colours: [{ name: 'Yellow', hex: '#f0cf3c', truth: '#f0cf3c' }],
    backgrounds: ['#3b6fd0'],
  },
  {
    name: 'a product close in hue to its coloured backdrop',
    scene: { background: flat('#f4c9d4'), shapes: shoe('#c2185b', 0.05), noise: 3 },
    colours: [{ name: 'Magenta', hex: '#d0306a', truth: '#c2185b' }],
    backgrounds: ['#f4c9d4'],
  },
  {
    name: 'a multicolour product: red upper, white sole, black laces',
    scene: {
      background: flat('#dde1e6'),
      shapes: [ellipse(0.5, 0.5, 0.36, 0.2, '#c62828', 0.05), rect(0.14, 0.62, 0.86, 0.7, '#fbfbfb'), rect(0.4, 0.35, 0.6, 0.42, '#151515')],
      shadow: { cx: 0.5, cy: 0.74, rx: 0.4, ry: 0.05, darkness: 0.4 },
      noise: 3,
    },
    colours: [
      { name: 'Red', hex: '#c8302f', truth: '#c62828' },
      { name: 'White', hex: '#f7f7f5', truth: '#fbfbfb' },
    ],
    backgrounds: ['#dde1e6'],
  },
  {
    name: 'a two-colour product: each named colour finds its own part',
    scene: { background: flat('#ffffff'), shapes: [rect(0.2, 0.2, 0.5, 0.8, '#2f8a57', 0.05), rect(0.5, 0.2, 0.8, 0.8, '#d9a521', 0.05)], noise: 2 },
    colours: [
      { name: 'Green', hex: '#2f8a57', truth: '#2f8a57' },
      { name: 'Mustard', hex: '#d9a521', truth: '#d9a521' },
    ],
    backgrounds: ['#ffffff'],
  },
  {
    name: 'a dark product with a dark shadow on white',
    scene: { background: flat('#ffffff'), shapes: shoe('#1c1c1c', 0.1), shadow: { cx: 0.5, cy: 0.72, rx: 0.45, ry: 0.1, darkness: 0.6 }, noise: 3 },
    colours: [{ name: 'Black', hex: '#24262b', truth: '#1c1c1c' }],
    backgrounds: ['#ffffff'],
  },
];

describe('photoPalette()', () => {
  for (const c of cases) {
    it(`should pick the product's own shade, never the backdrop: ${c.name}`, async () => {
      const photo = await paintPhoto(c.scene);
      const result = photoPalette(await analysisPixels(photo));
      assert.ok(result.palette.length > 0 && result.palette.length <= 10, `${result.palette.length} colours`);
      assert.ok(result.background > 0.2, `background share ${result.background}`);
      const swatches = pickSwatches(result.palette, c.colours);
      for (const colour of c.colours) {
        const swatch = swatches[colour.name];
        assert.ok(swatch, `a swatch for ${colour.name}`);
        const off = dE(swatch.hex, colour.truth);
        assert.ok(off <= 5, `${colour.name}: picked ${swatch.hex}, true ${colour.truth}, ΔE00 ${off.toFixed(1)}; palette ${JSON.stringify(result.palette)}`);
        for (const background of c.backgrounds) assert.ok(dE(swatch.hex, background) > 5, `${colour.name}: ${swatch.hex} is the backdrop ${background}`);
      }
    });
  }

  it('should offer no swatch, rather than a wrong one, for a white part melting into a near-white backdrop', async () => {
    const photo = await paintPhoto({
      background: flat('#eef0f2'),
      shapes: [ellipse(0.5, 0.5, 0.36, 0.2, '#c62828', 0.05), rect(0.14, 0.62, 0.86, 0.7, '#fbfbfb')],
      shadow: { cx: 0.5, cy: 0.74, rx: 0.4, ry: 0.05, darkness: 0.4 },
      noise: 3,
    });
    const swatches = pickSwatches(photoPalette(await analysisPixels(photo)).palette, [{ name: 'White', hex: '#f7f7f5' }, { name: 'Red', hex: '#c8302f' }]);
    const white = swatches['White'];
    assert.ok(white === undefined || dE(white.hex, '#fbfbfb') <= 5, `White: ${JSON.stringify(white)}`);
    assert.ok(white === undefined || white.deltaE <= SWATCH_MAX_DELTA_E);
    assert.ok(dE(swatches['Red']!.hex, '#c62828') <= 5);
  });

  it('should keep the whole picture when the product fills the frame', async () => {
    const photo = await paintPhoto({ background: flat('#7a1f2b'), shapes: [], noise: 2 });
    const swatches = pickSwatches(photoPalette(await analysisPixels(photo)).palette, [{ name: 'Maroon', hex: '#7a1f2b' }]);
    assert.ok(dE(swatches['Maroon']!.hex, '#7a1f2b') <= 5);
  });

  it('should give the same palette for the same photo', async () => {
    const photo = await paintPhoto(cases[1]!.scene);
    const pixels = await analysisPixels(photo);
    assert.deepEqual(photoPalette(pixels), photoPalette(pixels));
  });
});
