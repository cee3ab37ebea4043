import { describe, expect, it } from "vitest";
import { draftKey, hasDrafts, readDraft, readReviewDraft, removeReviewDrafts, writeDraft, writeReviewDraft, type DraftScope } from "@/app/articles/[slug]/review/draft-storage";

/** The Web Storage interface over a Map, as localStorage behaves in a browser. */
class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  constructor(private readonly refuse = false) {}
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    if (this.refuse) throw new DOMException("full", "QuotaExceededError");
    this.items.set(key, value);
  }
}

const scope: DraftScope = { article: "ice-287g", userId: "u1" };
const note = (text: string, baseVersion: number | null, savedAt = "2026-12-01T10:00:00.000Z") => ({ value: { note: text }, baseVersion, savedAt });

describe("draft storage", () => {
  it("keys a review draft by article, user, claim and base version", () => {
    expect(draftKey(scope, "review", "c1", 3)).toBe("claimdesk:draft:v1:ice-287g:u1:review:c1@3");
    expect(draftKey(scope, "review", "c1", null)).toBe("claimdesk:draft:v1:ice-287g:u1:review:c1@new");
    expect(draftKey({ article: "ice-287g", userId: "u2" }, "review", "c1", 3)).not.toBe(draftKey(scope, "review", "c1", 3));
  });

  it("keeps one review draft per claim, under the version it was typed against", () => {
    const storage = new MemoryStorage();
    writeReviewDraft(storage, scope, "c1", note("first", null));
    writeReviewDraft(storage, scope, "c1", note("after the save elsewhere", 2, "2026-12-01T10:05:00.000Z"));
    expect(storage.length).toBe(1);
    expect(readReviewDraft(storage, scope, "c1")).toEqual(note("after the save elsewhere", 2, "2026-12-01T10:05:00.000Z"));
    expect(readReviewDraft(storage, scope, "c10")).toBeNull();
  });

  it("says whether anything of this article and user is unsaved, and forgets a saved claim's draft", () => {
    const storage = new MemoryStorage();
    writeReviewDraft(storage, { article: "other", userId: "u1" }, "c1", note("elsewhere", null));
    expect(hasDrafts(storage, scope)).toBe(false);
    writeReviewDraft(storage, scope, "c1", note("mine", 1));
    writeDraft(storage, draftKey(scope, "citation", "new:c2"), note("a citation", null));
    expect(hasDrafts(storage, scope)).toBe(true);
    removeReviewDrafts(storage, scope, "c1");
    expect(readReviewDraft(storage, scope, "c1")).toBeNull();
    expect(hasDrafts(storage, scope)).toBe(true);
  });

  it("reads an unreadable entry as no draft, and a refusing storage loses only the net", () => {
    const storage = new MemoryStorage();
    storage.setItem(draftKey(scope, "citation", "x"), "{not json");
    expect(readDraft(storage, draftKey(scope, "citation", "x"))).toBeNull();
    const full = new MemoryStorage(true);
    expect(() => writeReviewDraft(full, scope, "c1", note("kept in the page only", 1))).not.toThrow();
    expect(hasDrafts(full, scope)).toBe(false);
  });
});
