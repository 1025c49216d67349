/**
 * Add or edit an Indian address: name, 10-digit phone, 6-digit PIN, house and street, locality,
 * landmark, city, state from the server's list, home or work. Checked on submit (then as fields
 * change), the server's per-field answers shown beside the fields. The accounts app's address book
 * and the checkout's delivery step both use it, so an address follows one set of rules everywhere.
 */
import { useRef, useState } from 'react';
import { ApiError, messageOf } from '../../api/api-error';
import { addressProblems, digitsOnly, serverProblems, type AddressDraft, type AddressField, type AddressProblems } from '../../forms/address-rules';
import { normaliseMobileInput } from '../../forms/mobile-input';
import { Button } from '../Button';
import { Field } from '../Field';
import './address-form.css';

export interface AddressFormProps {
  initial: AddressDraft;
  /** The states and union territories, or null while they load. */
  states: readonly string[] | null;
  editing: boolean;
  /** Saves the draft; throws the server's refusal. */
  save(draft: AddressDraft): Promise<void>;
  /** Closes the form unsaved; without it there is no Cancel (the first address of a checkout). */
  cancel?: () => void;
  /** The save button's words ("Save and deliver here" in checkout). */
  submitLabel?: string;
}

const ORDER: AddressField[] = ['name', 'phone', 'pin', 'line1', 'line2', 'landmark', 'city', 'state', 'type'];

/** The form; its heading (`#address-form-title`) is what a page focuses when it opens. */
export function AddressForm({ initial, states, editing, save, cancel, submitLabel = 'Save address' }: AddressFormProps): React.ReactNode {
  const [draft, setDraft] = useState(initial);
  const [problems, setProblems] = useState<AddressProblems>({});
  const [checked, setChecked] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const focusFirst = (found: AddressProblems): void => {
    const first = ORDER.find((field) => found[field]);
    if (first) form.current?.querySelector<HTMLElement>(`#address-${first}`)?.focus();
  };

  const set = <K extends keyof AddressDraft>(key: K, value: AddressDraft[K]): void => {
    const next = { ...draft, [key]: value };
    setDraft(next);
    // After the first submit, problems clear (or change) as the shopper fixes them.
    if (checked) setProblems(addressProblems(next, states ?? []));
  };

  const submit = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    setChecked(true);
    setFormError(null);
    const found = addressProblems(draft, states ?? []);
    setProblems(found);
    if (Object.keys(found).length > 0) return focusFirst(found);
    setBusy(true);
    try {
      await save(draft);
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && error.code === 'bad-request') {
        const { fields, form: other } = serverProblems(error.details);
        setProblems(fields);
        setFormError(other ?? (Object.keys(fields).length ? null : error.message));
        focusFirst(fields);
      } else setFormError(messageOf(error));
    }
  };

  const text = (field: AddressField, label: string, extra: Partial<React.ComponentProps<typeof Field>> = {}): React.ReactNode => (
    <Field
      id={`address-${field}`}
      label={label}
      value={draft[field] as string}
      error={problems[field]}
      onChange={(event) => set(field, event.target.value)}
      data-testid={`address-${field}`}
      {...extra}
    />
  );

  return (
    <form ref={form} className="address-form card" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="address-form-title" data-testid="address-form">
      <h2 id="address-form-title" className="address-form-title" tabIndex={-1}>
        {editing ? 'Edit address' : 'Add a new address'}
      </h2>
      {text('name', 'Full name', { autoComplete: 'name' })}
      {text('phone', '10-digit mobile number', {
        type: 'tel',
        inputMode: 'numeric',
        autoComplete: 'tel-national',
        prefix: '+91',
        onChange: (event) => set('phone', normaliseMobileInput(event.target.value)),
      })}
      <div className="address-row">
        {text('pin', 'PIN code', {
          inputMode: 'numeric',
          autoComplete: 'postal-code',
          onChange: (event) => set('pin', digitsOnly(event.target.value, 6)),
        })}
        {text('city', 'City, district or town', { autoComplete: 'address-level2' })}
      </div>
      {text('line1', 'House no., building, street', { autoComplete: 'address-line1' })}
      {text('line2', 'Area, colony, locality (optional)', { autoComplete: 'address-line2' })}
      {text('landmark', 'Landmark (optional)', { autoComplete: 'off' })}
      <div className={`field${problems.state ? ' field-invalid' : ''}`}>
        <label htmlFor="address-state" className="field-label">
          State
        </label>
        <div className="field-box">
          <select
            id="address-state"
            className="field-input field-select"
            value={draft.state}
            autoComplete="address-level1"
            aria-invalid={problems.state ? true : undefined}
            aria-describedby={problems.state ? 'address-state-error' : undefined}
            onChange={(event) => set('state', event.target.value)}
            data-testid="address-state"
          >
            <option value="">{states ? 'Choose a state' : 'Loading states…'}</option>
            {/* Keep a saved state selectable while the list loads. */}
            {(states ?? (draft.state ? [draft.state] : [])).map((state) => (
              <option key={state} value={state}>
                {state}
              </option>
            ))}
          </select>
        </div>
        {problems.state && (
          <p id="address-state-error" className="field-error" data-testid="address-state-error">
            {problems.state}
          </p>
        )}
      </div>
      <fieldset className="address-type">
        <legend className="field-label">Address type</legend>
        {(['home', 'work'] as const).map((type) => (
          <label key={type} className="address-type-option">
            <input type="radio" name="address-type" value={type} checked={draft.type === type} onChange={() => set('type', type)} />
            {type === 'home' ? 'Home (all day delivery)' : 'Work (10 AM – 5 PM)'}
          </label>
        ))}
      </fieldset>
      {!initial.isDefault && (
        <label className="address-check">
          <input type="checkbox" checked={draft.isDefault} onChange={(event) => set('isDefault', event.target.checked)} data-testid="address-default" />
          Make this my default address
        </label>
      )}
      <p className="address-form-error" role="alert">
        {formError}
      </p>
      <div className="address-form-actions">
        <Button type="submit" variant="buy" disabled={busy} data-testid="address-save">
          {busy ? 'Saving…' : submitLabel}
        </Button>
        {cancel && (
          <Button variant="outline" onClick={cancel} data-testid="address-cancel">
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
