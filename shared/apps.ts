/** The separately deployable apps: one list for the build, the server and the worker. */

/** Every app, in the order a full build takes them. */
export const APPS = ['home-browse-product', 'checkout', 'accounts'] as const;

export type AppName = (typeof APPS)[number];

/** Apps in URL-matching order: the main app's catch-all patterns (`/:slug/p/:itemId`) go last. */
export const APPS_IN_MATCH_ORDER: readonly AppName[] = ['checkout', 'accounts', 'home-browse-product'];

/** Whether `name` is one of the apps (for names from the command line). */
export function isApp(name: string): name is AppName {
  return (APPS as readonly string[]).includes(name);
}
