/**
 * The address form's fields and the server's rules for them (`server/auth/account/address-schema.ts`),
 * checked before sending so that most mistakes are told at once, in the shopper's words.
 */

export type AddressType = 'home' | 'work';

/** What the form holds: every field a string, as inputs give them. */
export interface AddressDraft {
  name: string;
  phone: string;
  pin: string;
  line1: string;
  line2: string;
  landmark: string;
  city: string;
  state: string;
  type: AddressType;
  isDefault: boolean;
}

export type AddressField = Exclude<keyof AddressDraft, 'isDefault'>;
export type AddressProblems = Partial<Record<AddressField, string>>;

export const EMPTY_ADDRESS: AddressDraft = {
  name: '', phone: '', pin: '', line1: '', line2: '', landmark: '', city: '', state: '', type: 'home', isDefault: false,
};

const CONTROL = /[\u0000-\u001f\u007f]/;

function textProblem(value: string, label: string, min: number, max: number, required: boolean): string | undefined {
  const text = value.trim();
  if (!text) return required ? `Enter the ${label}.` : undefined;
  if (text.length < min) return `The ${label} needs at least ${min} characters.`;
  if (text.length > max) return `The ${label} must be at most ${max} characters.`;
  if (CONTROL.test(text)) return `The ${label} has characters it cannot have.`;
  return undefined;
}

/** Every problem of a draft, by field; empty when the server would take it. */
export function addressProblems(draft: AddressDraft, states: readonly string[]): AddressProblems {
  const problems: AddressProblems = {
    name: textProblem(draft.name, 'name', 2, 60, true),
    phone: !draft.phone
      ? 'Enter a 10-digit mobile number.'
      : /^[6-9]\d{9}$/.test(draft.phone)
        ? undefined
        : 'Enter a 10-digit mobile number starting with 6, 7, 8 or 9.',
    pin: !draft.pin ? 'Enter the 6-digit PIN code.' : /^[1-9]\d{5}$/.test(draft.pin) ? undefined : 'Enter a 6-digit PIN code that does not start with 0.',
    line1: textProblem(draft.line1, 'house number and street', 3, 120, true),
    line2: textProblem(draft.line2, 'locality', 1, 120, false),
    landmark: textProblem(draft.landmark, 'landmark', 1, 80, false),
    city: textProblem(draft.city, 'city', 2, 60, true),
    state: !draft.state ? 'Choose a state.' : states.length > 0 && !states.includes(draft.state) ? 'Choose a state from the list.' : undefined,
  };
  for (const key of Object.keys(problems) as AddressField[]) if (problems[key] === undefined) delete problems[key];
  return problems;
}

/** The request body for a draft: trimmed, optional fields blank as null. */
export function addressBody(draft: AddressDraft): Record<string, unknown> {
  return {
    name: draft.name.trim(),
    phone: draft.phone,
    pin: draft.pin,
    line1: draft.line1.trim(),
    line2: draft.line2.trim() || null,
    landmark: draft.landmark.trim() || null,
    city: draft.city.trim(),
    state: draft.state,
    type: draft.type,
    isDefault: draft.isDefault,
  };
}

const FIELDS = new Set<string>(['name', 'phone', 'pin', 'line1', 'line2', 'landmark', 'city', 'state', 'type']);

/**
 * The server's `bad-request` problems (`[{field, problem}]`) as messages by field; problems of no
 * form field come back under `form`.
 */
export function serverProblems(details: unknown): { fields: AddressProblems; form: string | null } {
  const fields: AddressProblems = {};
  let form: string | null = null;
  const list = (details as { problems?: unknown } | null)?.problems;
  if (!Array.isArray(list)) return { fields, form };
  for (const item of list as Array<{ field?: unknown; problem?: unknown }>) {
    const field = String(item.field ?? '');
    const problem = String(item.problem ?? 'is not valid');
    if (FIELDS.has(field)) fields[field as AddressField] ??= `This ${problem}.`;
    else form ??= `${field ? `${field} ` : ''}${problem}.`;
  }
  return { fields, form };
}

/** Digits only, at most `max`: for the phone and PIN inputs. */
export function digitsOnly(raw: string, max: number): string {
  return raw.replace(/\D/g, '').slice(0, max);
}
