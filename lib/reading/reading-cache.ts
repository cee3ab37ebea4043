/**
 * A small in-process cache of rendered reading views, keyed by the article's version stamp (see
 * read-reading-stamp.ts), so a page is rendered once per change instead of once per reader.
 * Concurrent misses for the same key share one build. Entries also expire after `ttlMs`, which
 * bounds how long a change the stamp cannot see (a source's title corrected elsewhere, a reviewer
 * renamed) stays invisible. Each app server keeps its own cache; the stamp is read from the shared
 * database, so no server shows a verdict older than the database's.
 */
export class ReadingCache<T extends { size: number } | null> {
  private readonly entries = new Map<string, { value: Promise<T>; at: number; size: number }>();
  private total = 0;

  constructor(
    private readonly options: { maxSize: number; ttlMs: number; now?: () => number },
  ) {}

  /** The cached value for key, or the result of build (stored unless it fails). */
  get(key: string, build: () => Promise<T>): Promise<T> {
    const now = (this.options.now ?? Date.now)();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.options.ttlMs) {
      this.entries.delete(key); // re-insert: Map order is recency order
      this.entries.set(key, hit);
      return hit.value;
    }
    if (hit) this.remove(key);
    const value = build();
    const entry = { value, at: now, size: 0 };
    this.entries.set(key, entry);
    value.then(
      (result) => {
        if (this.entries.get(key) !== entry) return;
        entry.size = result?.size ?? 0;
        this.total += entry.size;
        this.evict();
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return value;
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.total -= entry.size;
    this.entries.delete(key);
  }

  private evict(): void {
    for (const key of this.entries.keys()) {
      if (this.total <= this.options.maxSize || this.entries.size <= 1) return;
      this.remove(key);
    }
  }
}
