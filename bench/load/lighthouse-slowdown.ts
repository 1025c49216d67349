/**
 * The CPU slowdown a Lighthouse run uses to stand in for a host of another benchmark index
 * (`--as-index N`): Lighthouse's mobile preset slows the CPU 4×, which on a host faster than the
 * one a target was set on flatters the page. CPU time scales about inversely with the index, so a
 * host twice as fast needs twice the slowdown to measure as the slower one would.
 */

/** Lighthouse's own CPU slowdown for its mobile preset. */
export const MOBILE_SLOWDOWN = 4;

/** The index `--as-index N` names, or undefined to keep Lighthouse's own slowdown. */
export function asIndexOption(argv: readonly string[]): number | undefined {
  const at = argv.indexOf('--as-index');
  if (at < 0) return undefined;
  const index = Number(argv[at + 1]);
  if (!Number.isFinite(index) || index <= 0) throw new Error('--as-index takes a positive benchmark index, e.g. --as-index 1330');
  return index;
}

/** The slowdown that makes a host of `hostIndex` measure as one of `target` would (4× when no target is named). */
export function cpuSlowdownFor(hostIndex: number, target: number | undefined): number {
  return target === undefined ? MOBILE_SLOWDOWN : (MOBILE_SLOWDOWN * hostIndex) / target;
}

/** One header line saying which slowdown is used and why. */
export function describeSlowdown(hostIndex: number, target: number | undefined): string {
  const multiplier = cpuSlowdownFor(hostIndex, target);
  return target === undefined
    ? `CPU slowdown ${MOBILE_SLOWDOWN}× (Lighthouse's own) on a host of index ${Math.round(hostIndex)}`
    : `CPU slowdown ${multiplier.toFixed(2)}× = ${MOBILE_SLOWDOWN}× × this host's index ${Math.round(hostIndex)} / ${target}: as a host of index ${target} would measure`;
}
