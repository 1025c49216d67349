/**
 * What a modal dialog does to the page behind it, for a sheet opened without `showModal`: every
 * element outside the sheet turns inert (no focus, no clicks, hidden from assistive technology).
 */

/** The part of an element this needs (`inert` is an `HTMLElement`'s; other elements take it as a no-op). */
export interface InertNode {
  readonly parentElement: InertNode | null;
  readonly children: ArrayLike<InertNode>;
  inert?: boolean;
}

/**
 * Makes the siblings of `element` and of each of its ancestors inert, up to the `<body>` (whose
 * parent is the document element): the sheet stays live, the rest of the page does not. Only the
 * outermost elements beside that path are marked, and none that `spare` names: turning a subtree
 * inert restyles all of it in the tap, so a large one (a listing's grid) is better left to the
 * caller's scrim and focus trap. Returns the undo, which leaves alone what was inert before.
 */
export function inertOutside(element: InertNode, spare: (node: InertNode) => boolean = () => false): () => void {
  const marked: InertNode[] = [];
  for (let node: InertNode = element; node.parentElement && node.parentElement.parentElement; node = node.parentElement) {
    const siblings = node.parentElement.children;
    for (let i = 0; i < siblings.length; i++) {
      const sibling = siblings[i]!;
      if (sibling === node || sibling.inert || spare(sibling)) continue;
      sibling.inert = true;
      marked.push(sibling);
    }
  }
  return () => {
    for (const node of marked) node.inert = false;
  };
}

/**
 * Where Tab goes from `current` in a focus trap over `focusable` (in document order): from the last
 * to the first, backwards from the first to the last, and into the trap from anywhere outside it;
 * `null` where the browser's own move stays inside.
 */
export function wrapFocus<T>(focusable: readonly T[], current: T | null, backwards: boolean): T | null {
  if (focusable.length === 0) return null;
  const first = focusable[0]!;
  const last = focusable[focusable.length - 1]!;
  const at = current === null ? -1 : focusable.indexOf(current);
  if (at === -1) return backwards ? last : first;
  if (backwards && at === 0) return last;
  if (!backwards && at === focusable.length - 1) return first;
  return null;
}
