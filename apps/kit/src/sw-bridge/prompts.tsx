/**
 * The worker's prompts live in a small React root of their own, next to the app's: they are
 * mounted only when there is something to show, so they never touch the hydrated shell.
 */
import { useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { InstallPrompt } from '../components/InstallPrompt';
import { UpdatePrompt } from '../components/UpdatePrompt';
import { shouldShowInstall, shouldShowUpdate, type BridgeStore } from './bridge-state';
import { acceptInstall, dismissInstall } from './install-offer';
import { acceptUpdate, dismissUpdate } from './register-worker';

function Prompts({ store }: { store: BridgeStore }): React.ReactNode {
  const state = useSyncExternalStore(store.subscribe, store.get);
  if (shouldShowUpdate(state)) return <UpdatePrompt onRefresh={() => acceptUpdate(store)} onDismiss={() => dismissUpdate(store)} />;
  if (shouldShowInstall(state)) return <InstallPrompt onInstall={() => void acceptInstall(store)} onDismiss={() => dismissInstall(store)} />;
  return null;
}

/** Mounts the prompts the first time the store has something to show. */
export function mountPromptsWhenNeeded(store: BridgeStore): void {
  const leave = store.subscribe(() => {
    const state = store.get();
    if (!shouldShowUpdate(state) && !shouldShowInstall(state)) return;
    leave();
    const host = document.createElement('div');
    host.id = 'sw-prompts';
    document.body.append(host);
    createRoot(host).render(<Prompts store={store} />);
  });
}
