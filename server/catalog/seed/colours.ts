/** Named colours with swatch values, grouped by the kind of product that comes in them. */
import type { Colour } from './draft';

const c = (name: string, hex: string): Colour => ({ name, hex });

/** Phone finishes. */
export const PHONE_COLOURS: readonly Colour[] = [
  c('Arctic White', '#eef0f3'), c('Midnight Black', '#23252b'), c('Ocean Teal', '#1f7a7a'),
  c('Sage Green', '#8fa98b'), c('Lavender', '#b9a6d6'), c('Prism Blue', '#3a6fd8'),
  c('Coral Purple', '#8a4fa0'), c('Sunset Orange', '#f28a3b'), c('Titanium Grey', '#8a8d91'),
  c('Mint Green', '#9fd8c2'), c('Glacier Blue', '#a8c8e8'), c('Rose Pink', '#f2b8c6'),
];

/** Clothing and shoe colours. */
export const FASHION_COLOURS: readonly Colour[] = [
  c('Navy Blue', '#1f2f57'), c('White', '#f7f7f5'), c('Black', '#1c1c1c'), c('Olive', '#6b7040'),
  c('Maroon', '#7a1f2b'), c('Mustard', '#d9a521'), c('Sky Blue', '#7fb4e0'), c('Grey', '#8c8f94'),
  c('Beige', '#d8c8a8'), c('Pink', '#e98aa8'), c('Green', '#2f8a57'), c('Red', '#c8302f'),
  c('Light Blue', '#a9c9e8'), c('Dark Blue', '#28406e'), c('Yellow', '#f0cf3c'), c('Peach', '#f4b393'),
];

/** Finishes of gadgets and appliances. */
export const DEVICE_COLOURS: readonly Colour[] = [
  c('Black', '#24262b'), c('Silver', '#c5c9ce'), c('Natural Silver', '#d3d5d8'), c('Space Grey', '#6a6d73'),
  c('Blue', '#3566c8'), c('White', '#f2f2f2'), c('Midnight Blue', '#23324f'), c('Red', '#c8302f'),
  c('Teal', '#1f8a8a'), c('Beige', '#d8c8a8'),
];

/** Sofa fabrics, wood and lamp shades. */
export const HOME_COLOURS: readonly Colour[] = [
  c('Teak', '#8a5a33'), c('Walnut', '#5c3b24'), c('Grey', '#8c8f94'), c('Navy Blue', '#1f2f57'),
  c('Mustard', '#d9a521'), c('Beige', '#d8c8a8'), c('Teal', '#1f7a7a'), c('Wine', '#6e1f35'),
  c('Cream', '#efe6d2'), c('Olive Green', '#6b7040'),
];

/** Lipstick and nail shades. */
export const SHADE_COLOURS: readonly Colour[] = [
  c('Ruby Red', '#a3162a'), c('Nude Pink', '#d69a90'), c('Berry Plum', '#6e1f4d'), c('Coral Crush', '#e8604c'),
  c('Mauve', '#a86f86'), c('Brick Brown', '#8a3b2a'), c('Rose Petal', '#d86a8a'), c('Chocolate', '#5a2f22'),
];
