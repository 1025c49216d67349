/**
 * The product page's family selectors (decisions/0010): one per attribute that varies in the family,
 * each option leading to a listing. An option is the current listing, another listing that differs
 * in that attribute alone (in stock or not), or, when no listing has that exact combination, the
 * closest one that has the value, shown as "other combination".
 */
import type { FamilyMember, ProductFamily } from '@storefront/kit';

export type OptionState = 'current' | 'available' | 'out-of-stock' | 'other-combination';

export interface FamilyOption {
  value: string;
  swatch?: string;
  state: OptionState;
  /** The listing the option leads to. */
  target: FamilyMember;
}

export interface FamilySelector {
  name: string;
  /** The current listing's value. */
  current: string;
  /** Whether the options are colour swatches. */
  swatches: boolean;
  options: FamilyOption[];
}

/** The value of attribute `name` of a member, or '' when it has none. */
function valueOf(member: FamilyMember, name: string): string {
  return member.attributes.find((a) => a.name === name)?.value ?? '';
}

/** A value's size for ordering: 64 GB < 128 GB < 1 TB, 500 ml < 1 L, Single < Pack of 2; NaN when it has no number. */
export function magnitude(value: string): number {
  if (/^single$/i.test(value)) return 1;
  const match = /(\d+(?:\.\d+)?)\s*(tb|gb|kg|g|l|ml)?\b/i.exec(value);
  if (!match) return Number.NaN;
  const scale: Record<string, number> = { tb: 1024, gb: 1, kg: 1000, g: 1, l: 1000, ml: 1 };
  return Number(match[1]) * (scale[(match[2] ?? '').toLowerCase()] ?? 1);
}

/** The distinct values of an axis, smallest first when they are sizes, else alphabetically. */
export function axisValues(members: readonly FamilyMember[], name: string): Array<{ value: string; swatch?: string }> {
  const seen = new Map<string, string | undefined>();
  for (const member of members) {
    const attribute = member.attributes.find((a) => a.name === name);
    if (attribute && !seen.has(attribute.value)) seen.set(attribute.value, attribute.swatch);
  }
  const values = [...seen].map(([value, swatch]) => (swatch ? { value, swatch } : { value }));
  const numeric = values.every((v) => !Number.isNaN(magnitude(v.value)));
  return values.sort((a, b) => (numeric ? magnitude(a.value) - magnitude(b.value) : 0) || a.value.localeCompare(b.value));
}

/** How well `member` keeps the current choices of the other axes: earlier axes count more. */
function closeness(member: FamilyMember, current: FamilyMember, axes: readonly string[], skip: string): number {
  return axes.reduce((score, name, i) => (name !== skip && valueOf(member, name) === valueOf(current, name) ? score + 2 ** (axes.length - i) : score), 0);
}

/** Every selector of `family` as seen from listing `currentId`; empty when the listing is not in it. */
export function familySelectors(family: ProductFamily, currentId: string): FamilySelector[] {
  const current = family.members.find((m) => m.id === currentId);
  if (!current) return [];
  return family.axes.map((name) => {
    const options = axisValues(family.members, name).map(({ value, swatch }): FamilyOption => {
      const base = swatch ? { value, swatch } : { value };
      if (value === valueOf(current, name)) return { ...base, state: 'current', target: current };
      const withValue = family.members.filter((m) => valueOf(m, name) === value);
      const exact = withValue.find((m) => family.axes.every((other) => other === name || valueOf(m, other) === valueOf(current, other)));
      if (exact) return { ...base, state: exact.inStock ? 'available' : 'out-of-stock', target: exact };
      // No listing has this value with the other current choices: lead to the closest that has it.
      const nearest = withValue
        .slice()
        .sort((a, b) => closeness(b, current, family.axes, name) - closeness(a, current, family.axes, name) || Number(b.inStock) - Number(a.inStock) || a.price - b.price)[0]!;
      return { ...base, state: 'other-combination', target: nearest };
    });
    return { name, current: valueOf(current, name), swatches: options.some((o) => o.swatch), options };
  });
}

/** What an option's link says to a screen reader, beyond its value. */
export function optionNote(option: FamilyOption, selector: FamilySelector, family: ProductFamily, currentId: string): string {
  if (option.state === 'current') return 'selected';
  if (option.state === 'out-of-stock') return 'out of stock';
  if (option.state === 'available') return '';
  const current = family.members.find((m) => m.id === currentId)!;
  const changed = family.axes
    .filter((name) => name !== selector.name && valueOf(option.target, name) !== valueOf(current, name))
    .map((name) => `${name.toLowerCase()} ${valueOf(option.target, name)}`);
  return `not available with your other choices${changed.length ? `; shows ${changed.join(', ')}` : ''}`;
}
