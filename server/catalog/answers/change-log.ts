/**
 * Which parts of the catalog changed: every change bumps one generation number and stamps its
 * tags with it. An answer built from generation g is current while none of its tags has changed
 * since g. Memory: one number per tag ever changed (tags name products and categories, so this is
 * bounded by the catalog's size).
 */
export class ChangeLog {
  private current = 0;
  private readonly lastChange = new Map<string, number>();

  /** The generation a build starting now reads. */
  get generation(): number {
    return this.current;
  }

  /** Records a change to everything tagged with one of `tags`. */
  change(tags: readonly string[]): void {
    const generation = ++this.current;
    for (const tag of tags) this.lastChange.set(tag, generation);
  }

  /** Whether nothing tagged `tags` changed after `generation`. */
  isCurrent(tags: readonly string[], generation: number): boolean {
    for (const tag of tags) {
      if ((this.lastChange.get(tag) ?? 0) > generation) return false;
    }
    return true;
  }
}
