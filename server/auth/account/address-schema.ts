/** An Indian delivery address as the API takes it: 10-digit phone, 6-digit PIN not starting with 0, a state or UT from the list. */
import { z } from 'zod';
import { INDIAN_STATES } from './indian-states';

const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, min === 1 ? 'is required' : `needs at least ${min} characters`)
    .max(max, `must be at most ${max} characters`)
    // Control characters have no place on a shipping label.
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'has control characters');
/** Blank or null clears the field; in a patch, leaving it out keeps it. */
const clearableText = (max: number) => z.union([text(1, max), z.literal(''), z.null()]).transform((s) => (s ? s : null));
const optionalText = (max: number) => clearableText(max).optional().transform((s) => s ?? null);

export const addressFields = {
  name: text(2, 60),
  phone: z.string().regex(/^[6-9]\d{9}$/, 'must be a 10-digit mobile number starting with 6, 7, 8 or 9'),
  pin: z.string().regex(/^[1-9]\d{5}$/, 'must be a 6-digit PIN code not starting with 0'),
  line1: text(3, 120),
  line2: optionalText(120),
  landmark: optionalText(80),
  city: text(2, 60),
  state: z.enum(INDIAN_STATES, 'must be an Indian state or union territory'),
  type: z.enum(['home', 'work'], "must be 'home' or 'work'"),
  isDefault: z.boolean().optional(),
};

export const newAddressBody = z.strictObject(addressFields);
export const addressPatchBody = z
  .strictObject({
    name: addressFields.name.optional(),
    phone: addressFields.phone.optional(),
    pin: addressFields.pin.optional(),
    line1: addressFields.line1.optional(),
    line2: clearableText(120).optional(),
    landmark: clearableText(80).optional(),
    city: addressFields.city.optional(),
    state: addressFields.state.optional(),
    type: addressFields.type.optional(),
    isDefault: addressFields.isDefault,
  })
  .refine((patch) => Object.keys(patch).length > 0, 'must change at least one field');

export type NewAddress = z.output<typeof newAddressBody>;
export type AddressPatch = z.output<typeof addressPatchBody>;
