/** A route-level code-split page that can be loaded before hydration, so hydrating never suspends. */
import type { ComponentType } from 'react';

export interface LazyPage {
  (): React.ReactNode;
  /** Starts (or joins) loading the page's chunk. */
  preload(): Promise<ComponentType>;
}

/** Wraps a dynamic import of a page module whose default export is the page component. */
export function lazyPage(load: () => Promise<{ default: ComponentType }>): LazyPage {
  let loaded: ComponentType | null = null;
  let pending: Promise<ComponentType> | null = null;
  const preload = (): Promise<ComponentType> =>
    (pending ??= load().then((module) => {
      loaded = module.default;
      return loaded;
    }));
  const Page = (): React.ReactNode => {
    // React 18 suspends a component that throws the promise it waits on (what React.lazy does
    // inside); unlike React.lazy, a page preloaded before hydration renders at once, never suspending.
    if (!loaded) throw preload();
    const Component = loaded;
    return <Component />;
  };
  Page.preload = preload;
  return Page;
}
