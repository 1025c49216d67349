/**
 * Paths that belong to the server, never to a page: the shell router, the not-found page and the
 * worker's navigation route all leave them alone. One list, so the three can never disagree.
 */
export const SERVER_PATHS =
  /^\/(api|pay|static|img|icons|foxtrot|ops|__shells|__test)(\/|$)|^\/(sw\.js|sw-status\.json|manifest\.webmanifest|offline\.html|healthz|readyz)$/;

/** Whether a URL path is one of the server's own. */
export function isServerPath(pathname: string): boolean {
  return SERVER_PATHS.test(pathname);
}
