import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";
import { revisionNotice } from "@/lib/revisions/revision-notice";
import { readReadingStamp, type ReadingStamp } from "./read-reading-stamp";
import { readReadingView } from "./read-reading-view";
import { ReadingCache } from "./reading-cache";
import { renderReadingDocument } from "./reading-document";
import { renderReadingMarkup } from "./reading-markup";

/** A reading-view document ready to send: UTF-8 bytes around the account slot, and their ETag. */
export type ReadingDocumentBytes = {
  /** The article's status when it was rendered: decides access again, after the cache. */
  status: string;
  before: Uint8Array;
  after: Uint8Array;
  /** A strong validator of the bytes as a signed-out reader gets them. */
  etag: string;
  /** Bytes, for the cache's budget. */
  size: number;
};

/** Up to 64 MiB of rendered pages per app server; a minute at most behind unstamped changes. */
const cache = new ReadingCache<ReadingDocumentBytes | null>({ maxSize: 64 * 1024 * 1024, ttlMs: 60_000 });
const encoder = new TextEncoder();

/** The version stamp of an article's reading view from the app's database, or null. */
export function getReadingStamp(slug: string): Promise<ReadingStamp | null> {
  return readReadingStamp(db, slug);
}

/**
 * The reading view's document for this stamp: from the cache when this version was rendered in the
 * last minute, otherwise read (one query, selected fields), rendered and encoded once, so a request
 * costs two small reads and writing the bytes.
 */
export function getReadingDocument(stamp: ReadingStamp, pageUrl: string): Promise<ReadingDocumentBytes | null> {
  return cache.get(`${stamp.version}|${pageUrl}`, async () => {
    const view = await readReadingView(db, stamp.slug);
    if (!view) return null;
    const markup = renderReadingMarkup(view, { pageUrl });
    const access = view.article.status === "published" ? "public" : "preview";
    const notice = await revisionNotice(db, view.article.id);
    const document = renderReadingDocument(markup, { pageUrl, access, notice: notice.changedAfterCheck ? notice : null });
    const before = encoder.encode(document.before);
    const after = encoder.encode(document.after);
    const etag = `"${createHash("sha256").update(before).update(after).digest("base64url").slice(0, 27)}"`;
    return { status: view.article.status, before, after, etag, size: before.byteLength + after.byteLength };
  });
}
