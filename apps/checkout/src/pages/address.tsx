/**
 * Checkout, step 1: where to deliver. One of the account's saved addresses, or a new one added
 * right here with the accounts app's own form and rules (the kit's AddressForm). Offline, the
 * addresses last seen on this phone can still be chosen.
 */
import {
  addressBody,
  AddressForm,
  apiPost,
  Button,
  EMPTY_ADDRESS,
  ErrorState,
  recallForOffline,
  rememberForOffline,
  trackCheckout,
  useApi,
  useOnline,
  type Address,
  type AddressAnswer,
  type AddressDraft,
  type AddressList,
  type StateList,
} from '@storefront/kit';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { readSession, updateSession } from '../checkout/checkout-session';
import { goToLogin, useShopper } from '../checkout/shopper';
import { AddressOption } from '../components/AddressOption';
import { CheckoutFrame, StepSkeleton } from '../components/CheckoutFrame';
import { OfflineNote } from '../components/OfflineNote';

export default function AddressPage(): React.ReactNode {
  const shopper = useShopper('address');
  if (!shopper) return <StepSkeleton step="address" />;
  return <ChooseAddress />;
}

function ChooseAddress(): React.ReactNode {
  const navigate = useNavigate();
  const online = useOnline();
  const load = useApi<AddressList>('account/addresses');
  const [addresses, setAddresses] = useState<Address[] | null>(null);
  // Offline: the addresses last seen on this phone ('looking' while they are read).
  const [fromPhone, setFromPhone] = useState<'no' | 'looking' | 'yes'>('no');
  const [chosen, setChosen] = useState<string | null>(() => readSession().addressId);
  const [adding, setAdding] = useState(false);
  const formArea = useRef<HTMLDivElement>(null);

  useEffect(() => {
    document.title = 'Delivery address · Storefront';
    trackCheckout('address', 'view');
  }, []);

  // Once per answer (not per render): the list, kept for offline use; offline, the kept list.
  const { data: answer, error: failure } = load;
  useEffect(() => {
    if (answer) {
      setAddresses(answer.addresses);
      setFromPhone('no');
      rememberForOffline('addresses', answer.addresses);
    } else if (failure) {
      if (failure.status === 401) goToLogin('address', '/checkout/address');
      else if (failure.offline) {
        setFromPhone('looking');
        void recallForOffline<Address[]>('addresses').then((kept) => {
          if (kept) setAddresses(kept);
          setFromPhone(kept ? 'yes' : 'no');
        });
      }
    }
  }, [answer, failure]);

  // The address chosen before, if it still exists; else the default one; else the first.
  const list = addresses ?? [];
  const selected = list.find((a) => a.id === chosen) ?? list.find((a) => a.isDefault) ?? list[0] ?? null;
  const showForm = adding || (addresses !== null && list.length === 0);
  // The form's list of states, asked for only when the form shows.
  const states = useApi<StateList>(showForm ? 'account/states' : null);

  useEffect(() => {
    if (adding) formArea.current?.querySelector<HTMLElement>('#address-form-title')?.focus();
  }, [adding]);

  const deliverHere = (address: Address): void => {
    updateSession({ addressId: address.id, confirmed: null });
    trackCheckout('address', 'selected', { offline: fromPhone === 'yes' });
    void navigate('/checkout/summary');
  };

  const save = async (draft: AddressDraft): Promise<void> => {
    const { address } = await apiPost<AddressAnswer>('account/addresses', addressBody(draft));
    const next = [...list.map((a) => (address.isDefault ? { ...a, isDefault: false } : a)), address];
    setAddresses(next);
    rememberForOffline('addresses', next);
    setAdding(false);
    trackCheckout('address', 'address-added');
    deliverHere(address);
  };

  if (addresses === null) {
    if (load.status === 'error' && load.error.status !== 401 && fromPhone === 'no') {
      return (
        <CheckoutFrame step="address" title="Delivery address">
          <ErrorState error={load.error} onRetry={load.reload} />
        </CheckoutFrame>
      );
    }
    return <StepSkeleton step="address" />;
  }

  return (
    <CheckoutFrame step="address" title="Delivery address">
      {!online && <OfflineNote>You’re offline. You can choose an address saved before; adding a new one needs a connection.</OfflineNote>}
      {list.length > 0 && (
        <ul className="co-list" role="radiogroup" aria-label="Saved addresses">
          {list.map((address) => (
            <AddressOption key={address.id} address={address} selected={selected?.id === address.id} onSelect={() => setChosen(address.id)} onDeliverHere={() => deliverHere(address)} />
          ))}
        </ul>
      )}
      {showForm ? (
        <div ref={formArea}>
          <AddressForm
            initial={{ ...EMPTY_ADDRESS, isDefault: list.length === 0 }}
            states={states.data?.states ?? null}
            editing={false}
            submitLabel="Save and deliver here"
            save={save}
            {...(list.length > 0 ? { cancel: () => setAdding(false) } : {})}
          />
        </div>
      ) : (
        <Button variant="outline" className="co-add-address card" onClick={() => setAdding(true)} disabled={!online} data-testid="address-add">
          <span aria-hidden="true">+</span> Add a new address
        </Button>
      )}
    </CheckoutFrame>
  );
}
