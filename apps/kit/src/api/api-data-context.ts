/**
 * Answers already in hand, by API path. The shop never fills it in the browser (pages fetch after
 * mount, so they match their data-less shells); a server that renders a page together with its
 * data, as the serving benchmark's baseline does, provides it so `useApi` starts out ready.
 */
import { createContext } from 'react';

export const ApiDataContext = createContext<ReadonlyMap<string, unknown> | null>(null);
