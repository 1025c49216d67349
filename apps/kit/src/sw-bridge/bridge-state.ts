/**
 * What the page knows about its worker and the install offer, as a tiny store the prompts read
 * with `useSyncExternalStore`. Pure (no browser APIs), so its rules are unit-tested.
 */
export interface BridgeState {
  /** A new worker is installed and waiting for the shopper's word. */
  updateReady: boolean;
  /** Pages in the middle of a task (checkout) that must not be interrupted by the prompt. */
  deferrals: number;
  /** The browser's install prompt is held and the shopper is engaged enough to be offered it. */
  installOffer: boolean;
}

export interface BridgeStore {
  get(): BridgeState;
  update(change: Partial<BridgeState>): void;
  subscribe(listener: () => void): () => void;
}

export function createBridgeStore(): BridgeStore {
  let state: BridgeState = { updateReady: false, deferrals: 0, installOffer: false };
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    update(change) {
      state = { ...state, ...change };
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The update prompt shows only when a worker waits and no page has asked to defer it. */
export function shouldShowUpdate(state: BridgeState): boolean {
  return state.updateReady && state.deferrals === 0;
}

/** The install offer never stacks on the update prompt: one polite question at a time. */
export function shouldShowInstall(state: BridgeState): boolean {
  return state.installOffer && !shouldShowUpdate(state);
}
