/**
 * Encoded answers kept in memory, at most `maxBytes` of them (least recently used go first), each
 * with the tags of what it was built from and the change generation it read. A current answer is
 * served as is; one that a change has touched is rebuilt by the first request after the change,
 * and every request meanwhile waits for that one build. So an answer never trails a change that
 * has been notified, and a burst of requests after a change costs one build per answer.
 */
import type { ChangeLog } from './change-log';
import type { EncodedAnswer } from './encoded-answer';

interface Entry {
  answer: EncodedAnswer;
  tags: readonly string[];
  generation: number;
}

interface Build {
  generation: number;
  promise: Promise<EncodedAnswer>;
}

/** How the cache has done since it started. */
export interface AnswerCacheStats {
  entries: number;
  bytes: number;
  maxBytes: number;
  hits: number;
  /** Requests that found no answer, or one a change had touched. */
  misses: number;
  /** Requests that waited for a build another request had started. */
  joined: number;
  builds: number;
  evictions: number;
}

export class AnswerCache {
  private readonly entries = new Map<string, Entry>();
  private readonly building = new Map<string, Build>();
  private bytes = 0;
  private readonly counts = { hits: 0, misses: 0, joined: 0, builds: 0, evictions: 0 };

  constructor(
    private readonly changes: ChangeLog,
    private readonly maxBytes: number,
  ) {}

  /**
   * The answer for `key`: from memory when no change touched it, else from `build` (which must
   * read the catalog only once called). Returns the answer itself when it needs no waiting.
   */
  get(key: string, tags: readonly string[], build: () => Promise<EncodedAnswer>): EncodedAnswer | Promise<EncodedAnswer> {
    const entry = this.entries.get(key);
    if (entry && this.changes.isCurrent(entry.tags, entry.generation)) {
      // Map order is the LRU order: a hit moves the entry to the young end.
      this.entries.delete(key);
      this.entries.set(key, entry);
      this.counts.hits++;
      return entry.answer;
    }
    this.counts.misses++;
    const running = this.building.get(key);
    // A build already under way will do if nothing it depends on changed since it started.
    if (running && this.changes.isCurrent(tags, running.generation)) {
      this.counts.joined++;
      return running.promise;
    }
    return this.rebuild(key, tags, build);
  }

  /** Whether an answer for `key` is held (current or not). */
  holds(key: string): boolean {
    return this.entries.has(key);
  }

  /** Counters, entries and bytes held, for the operators' view and the benchmarks. */
  stats(): AnswerCacheStats {
    return { entries: this.entries.size, bytes: this.bytes, maxBytes: this.maxBytes, ...this.counts };
  }

  private rebuild(key: string, tags: readonly string[], build: () => Promise<EncodedAnswer>): Promise<EncodedAnswer> {
    const generation = this.changes.generation;
    this.counts.builds++;
    const promise = build().then(
      (answer) => {
        this.finish(key, promise);
        this.store(key, { answer, tags, generation });
        return answer;
      },
      (error: unknown) => {
        this.finish(key, promise);
        throw error;
      },
    );
    this.building.set(key, { generation, promise });
    return promise;
  }

  private finish(key: string, promise: Promise<EncodedAnswer>): void {
    if (this.building.get(key)?.promise === promise) this.building.delete(key);
  }

  private store(key: string, entry: Entry): void {
    const previous = this.entries.get(key);
    // A slower, older build finishing after a newer one must not replace it.
    if (previous && previous.generation > entry.generation) return;
    if (previous) {
      this.bytes -= previous.answer.size;
      this.entries.delete(key);
    }
    if (entry.answer.size > this.maxBytes) return;
    this.entries.set(key, entry);
    this.bytes += entry.answer.size;
    for (const [oldKey, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldKey);
      this.bytes -= old.answer.size;
      this.counts.evictions++;
    }
  }
}
