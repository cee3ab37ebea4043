/**
 * Unsaved review notes and citations, kept in the browser (localStorage) until they are saved, so a
 * reload or a closed tab loses nothing (issue 15, item 6). One entry per article, user, claim and
 * form; a review draft's key also names the review version it was typed against, so a draft met
 * after someone else saved says so instead of silently replacing their text. Plain functions over a
 * `Storage`: no React, and a browser that refuses storage (private mode, quota) only loses the net.
 */

/** Whose drafts: one article, one signed-in user. */
export type DraftScope = { article: string; userId: string };

/** What the browser keeps: the form's values, when they were typed, and the version they build on. */
export type StoredDraft<T> = { value: T; savedAt: string; baseVersion: number | null };

const ROOT = "claimdesk:draft:v1";

const scopePrefix = (scope: DraftScope) => `${ROOT}:${encodeURIComponent(scope.article)}:${encodeURIComponent(scope.userId)}:`;

/** The key of one form's draft; `baseVersion` only for a review ("new" when there is no review yet). */
export function draftKey(scope: DraftScope, form: "review" | "citation", id: string, baseVersion?: number | null): string {
  const base = `${scopePrefix(scope)}${form}:${encodeURIComponent(id)}`;
  return form === "review" ? `${base}@${baseVersion ?? "new"}` : base;
}

function keysOf(storage: Storage, prefix: string): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  return keys;
}

function parse<T>(raw: string | null): StoredDraft<T> | null {
  if (!raw) return null;
  try {
    const stored = JSON.parse(raw) as StoredDraft<T>;
    return stored && typeof stored === "object" && "value" in stored && typeof stored.savedAt === "string" ? stored : null;
  } catch {
    return null;
  }
}

/** The draft stored under one key, or null (none, or unreadable). */
export function readDraft<T>(storage: Storage, key: string): StoredDraft<T> | null {
  try {
    return parse<T>(storage.getItem(key));
  } catch {
    return null;
  }
}

/** Keeps a draft; best effort (a full or disabled storage keeps only the in-page copy). */
export function writeDraft<T>(storage: Storage, key: string, draft: StoredDraft<T>): void {
  try {
    storage.setItem(key, JSON.stringify(draft));
  } catch {
    // Nothing to do: the draft still lives in the page until it is saved.
  }
}

export function removeDraft(storage: Storage, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // A storage that cannot be read holds no draft either.
  }
}

/** The newest review draft of a claim, whatever version it was typed against. */
export function readReviewDraft<T>(storage: Storage, scope: DraftScope, claimId: string): StoredDraft<T> | null {
  try {
    const drafts = keysOf(storage, draftKey(scope, "review", claimId).replace(/@new$/, "@"))
      .map((key) => parse<T>(storage.getItem(key)))
      .filter((d): d is StoredDraft<T> => d !== null);
    return drafts.sort((a, b) => b.savedAt.localeCompare(a.savedAt))[0] ?? null;
  } catch {
    return null;
  }
}

/** Keeps a claim's review draft under its base version, replacing drafts of other versions. */
export function writeReviewDraft<T>(storage: Storage, scope: DraftScope, claimId: string, draft: StoredDraft<T>): void {
  removeReviewDrafts(storage, scope, claimId);
  writeDraft(storage, draftKey(scope, "review", claimId, draft.baseVersion), draft);
}

export function removeReviewDrafts(storage: Storage, scope: DraftScope, claimId: string): void {
  try {
    for (const key of keysOf(storage, draftKey(scope, "review", claimId).replace(/@new$/, "@"))) storage.removeItem(key);
  } catch {
    // As above: nothing stored, nothing to remove.
  }
}

/** Whether anything typed on this article is still unsaved: leaving then asks first. */
export function hasDrafts(storage: Storage, scope: DraftScope): boolean {
  try {
    return keysOf(storage, scopePrefix(scope)).length > 0;
  } catch {
    return false;
  }
}

/** The browser's storage, or null where there is none (server render, storage disabled). */
export function browserStorage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}
