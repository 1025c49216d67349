/**
 * What a key from a set that is small in practice (page paths, API paths, `Accept-Encoding`
 * values) works out to, worked out once per key. At most `maxEntries` are kept, then the memo starts
 * over: on the hot paths that use it a hit must cost one map lookup, not an LRU's bookkeeping, and a
 * client inventing keys only makes it start over. Keys longer than `maxKeyLength` are worked out
 * every time and never kept.
 */
export class BoundedMemo<V extends {} | null> {
  private readonly entries = new Map<string, V>();

  constructor(
    private readonly work: (key: string) => V,
    private readonly maxEntries: number,
    private readonly maxKeyLength = Number.POSITIVE_INFINITY,
  ) {}

  /** The value of `key`, worked out now if it is not remembered. */
  get(key: string): V {
    let value = this.entries.get(key);
    if (value === undefined) {
      value = this.work(key);
      if (key.length <= this.maxKeyLength) {
        if (this.entries.size >= this.maxEntries) this.entries.clear();
        this.entries.set(key, value);
      }
    }
    return value;
  }
}
