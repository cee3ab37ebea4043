import { createHash } from "node:crypto";
import type { Database } from "@/lib/db/create-database";
import { revisionNotice } from "@/lib/revisions/revision-notice";
import { precompress, type Precompressed } from "./precompress";
import { readReadingStamp, type ReadingStamp } from "./read-reading-stamp";
import { readReadingView } from "./read-reading-view";
import { ReadingCache } from "./reading-cache";
import { accountHtml, renderReadingDocument } from "./reading-document";
import { renderReadingMarkup } from "./reading-markup";

/** A reading-view document ready to send: UTF-8 bytes around the account slot, and their ETag. */
export type ReadingDocumentBytes = {
  /** The article's status when it was rendered: decides access again, after the cache. */
  status: string;
  before: Uint8Array;
  after: Uint8Array;
  /** A strong validator of the bytes as a signed-out reader gets them. */
  etag: string;
  /**
   * The whole page as a signed-out reader gets it, compressed once per coding; only for
   * a published article, and only when asked for (`precompress`). A preview is never compressed ahead nor kept in any form a shared cache
   * could be handed.
   */
  shared: Precompressed | null;
  /** Bytes, for the cache's budget. */
  size: number;
};

export type ReadingDocuments = {
  /** The version stamp of an article's reading view, or null: one indexed read per request. */
  stamp(slug: string): Promise<ReadingStamp | null>;
  /** The document for this stamp, rendered, encoded and compressed once per version. */
  document(stamp: ReadingStamp, pageUrl: string): Promise<ReadingDocumentBytes | null>;
};

const encoder = new TextEncoder();

/**
 * The reading view's documents over one database, cached in process by version stamp: a request
 * for a version rendered in the last `ttlMs` costs the stamp's one read and writing cached bytes;
 * otherwise the view is read (one query, selected fields), rendered, encoded and (when published)
 * compressed, once for every concurrent request of that version.
 */
export function readingDocuments(
  db: Database,
  options: { maxSize: number; ttlMs: number; now?: () => number; /** Keep brotli and gzip copies of published pages. */ precompress: boolean },
): ReadingDocuments {
  const cache = new ReadingCache<ReadingDocumentBytes | null>(options);
  return {
    stamp: (slug) => readReadingStamp(db, slug),
    document: (stamp, pageUrl) =>
      cache.get(`${stamp.version}|${pageUrl}`, async () => {
        const view = await readReadingView(db, stamp.slug);
        if (!view) return null;
        const markup = renderReadingMarkup(view, { pageUrl });
        const published = view.article.status === "published";
        const notice = await revisionNotice(db, view.article.id);
        const document = renderReadingDocument(markup, { pageUrl, access: published ? "public" : "preview", notice: notice.changedAfterCheck ? notice : null });
        const before = encoder.encode(document.before);
        const after = encoder.encode(document.after);
        const etag = `"${createHash("sha256").update(before).update(after).digest("base64url").slice(0, 27)}"`;
        const shared = published && options.precompress ? await precompress(concat(before, encoder.encode(accountHtml(null)), after)) : null;
        const size = before.byteLength + after.byteLength + (shared ? shared.br.byteLength + shared.gzip.byteLength : 0);
        return { status: view.article.status, before, after, etag, shared, size };
      }),
  };
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}
