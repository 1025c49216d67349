/** Saved addresses: the list (default first), add, edit, make default, delete. */
import { addressBody, AddressForm, apiRequest, EMPTY_ADDRESS, EmptyState, ErrorState, messageOf, Skeleton, Toast, useApi, useToast, type Address, type AddressDraft, type AddressList, type ApiError, type StateList } from '@storefront/kit';
import { useCallback, useEffect, useRef, useState } from 'react';
import { AddressCard } from '../components/AddressCard';
import { AccountFrame, PageHeading } from '../components/PageFrame';

type Editing = { mode: 'list' } | { mode: 'add' } | { mode: 'edit'; address: Address };

export default function AddressesPage(): React.ReactNode {
  return <AccountFrame title="Saved addresses">{() => <Addresses />}</AccountFrame>;
}

function draftOf(address: Address): AddressDraft {
  return { ...address, line2: address.line2 ?? '', landmark: address.landmark ?? '' };
}

function Addresses(): React.ReactNode {
  const states = useApi<StateList>('account/states');
  const [addresses, setAddresses] = useState<Address[] | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [editing, setEditing] = useState<Editing>({ mode: 'list' });
  const [busyId, setBusyId] = useState<string | null>(null);
  const toast = useToast();
  const addButton = useRef<HTMLButtonElement>(null);
  const formArea = useRef<HTMLDivElement>(null);

  const load = useCallback(() => {
    setLoadError(null);
    apiRequest<AddressList>('account/addresses').then(
      (answer) => setAddresses(answer.addresses),
      (error: ApiError) => setLoadError(error),
    );
  }, []);
  useEffect(load, [load]);

  // The form's heading takes the focus when it opens; the add button when it closes.
  useEffect(() => {
    if (editing.mode !== 'list') formArea.current?.querySelector<HTMLElement>('#address-form-title')?.focus();
  }, [editing]);

  const close = (message?: string): void => {
    setEditing({ mode: 'list' });
    if (message) toast.show(message);
    requestAnimationFrame(() => addButton.current?.focus());
  };

  const reloadAfter = async (request: Promise<unknown>, message: string): Promise<void> => {
    await request;
    const answer = await apiRequest<AddressList>('account/addresses');
    setAddresses(answer.addresses);
    close(message);
  };

  const act = (address: Address, request: () => Promise<unknown>, message: string): void => {
    setBusyId(address.id);
    reloadAfter(request(), message)
      .catch((error: unknown) => toast.show(messageOf(error)))
      .finally(() => setBusyId(null));
  };

  if (loadError) return <ErrorState error={loadError} onRetry={load} />;
  const list = addresses ?? [];
  return (
    <>
      <PageHeading>Saved addresses</PageHeading>
      {editing.mode === 'list' ? (
        <button ref={addButton} type="button" className="address-add card" onClick={() => setEditing({ mode: 'add' })} disabled={!addresses} data-testid="address-add">
          <span aria-hidden="true">+</span> Add a new address
        </button>
      ) : (
        <div ref={formArea}>
          <AddressForm
            key={editing.mode === 'edit' ? editing.address.id : 'new'}
            initial={editing.mode === 'edit' ? draftOf(editing.address) : { ...EMPTY_ADDRESS, isDefault: list.length === 0 }}
            editing={editing.mode === 'edit'}
            states={states.data?.states ?? null}
            cancel={() => close()}
            save={(draft) =>
              editing.mode === 'edit'
                ? reloadAfter(apiRequest(`account/addresses/${editing.address.id}`, { method: 'PATCH', body: addressBody(draft) }), 'Address updated')
                : reloadAfter(apiRequest('account/addresses', { method: 'POST', body: addressBody(draft) }), 'Address saved')
            }
          />
        </div>
      )}
      {addresses === null ? (
        <ul className="address-list" aria-hidden="true">
          {[0, 1].map((i) => (
            <li key={i} className="address-card card">
              <Skeleton width={60} height={18} />
              <Skeleton width="50%" height={18} />
              <Skeleton width="90%" height={40} />
              <Skeleton width="40%" height={44} />
            </li>
          ))}
        </ul>
      ) : list.length === 0 ? (
        editing.mode === 'list' && <EmptyState title="No saved addresses" message="Add an address now and checkout will be one tap faster." testId="no-addresses" />
      ) : (
        <ul className="address-list" aria-label="Your addresses">
          {list.map((address) => (
            <AddressCard
              key={address.id}
              address={address}
              busy={busyId === address.id}
              onEdit={() => setEditing({ mode: 'edit', address })}
              onMakeDefault={() =>
                act(address, () => apiRequest(`account/addresses/${address.id}`, { method: 'PATCH', body: { isDefault: true } }), 'Default address changed')
              }
              onDelete={() => act(address, () => apiRequest(`account/addresses/${address.id}`, { method: 'DELETE' }), 'Address deleted')}
            />
          ))}
        </ul>
      )}
      <Toast {...toast.props} />
    </>
  );
}
