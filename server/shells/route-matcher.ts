/** The matcher lives in the kit's shared code so the service worker runs the very same code. */
export { compileRoutes, toPathToRegexp, type CompiledMatch } from '../../apps/kit/src/shared/route-matcher';
