import { createHash } from "node:crypto";

/**
 * A small least-recently-used map with a fixed number of entries. The workbench keeps rendered trees
 * in one per app server: what it caches is derived from immutable input (a revision's text, a note's
 * exact text), named by a key that changes when the input does, so a stale entry can never be served
 * and several app servers each holding their own copy can never disagree. Bounded, so a long-running
 * server's memory stays flat however many articles it has shown.
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly limit: number) {}

  /** The cached value of `key`, or `make()` stored under it. */
  get(key: string, make: () => V): V {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // Re-insert: a Map iterates in insertion order, so the first key is the least recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = make();
    this.entries.set(key, value);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** A short, collision-safe name for a long input (a note, a list of claim marks). */
export function contentKey(...parts: string[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("base64url");
}
