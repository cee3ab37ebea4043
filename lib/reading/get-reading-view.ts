import "server-only";
import { db } from "@/lib/db/client";
import type { ReadingStamp } from "./read-reading-stamp";
import { readingDocuments, type ReadingDocumentBytes } from "./reading-documents";

export type { ReadingDocumentBytes } from "./reading-documents";

/**
 * Up to 64 MiB of rendered pages per app server; a minute at most behind changes the stamp cannot
 * see. Published pages keep brotli and gzip copies: app/a/[slug]/br sends the brotli one under the
 * label next.config.js sets (Next 16 drops a route handler's own Content-Encoding header).
 */
const documents = readingDocuments(db, { maxSize: 64 * 1024 * 1024, ttlMs: 60_000, precompress: true });

/** The version stamp of an article's reading view from the app's database, or null. */
export function getReadingStamp(slug: string): Promise<ReadingStamp | null> {
  return documents.stamp(slug);
}

/** The reading view's document for this stamp, from the app server's cache when it can be. */
export function getReadingDocument(stamp: ReadingStamp, pageUrl: string): Promise<ReadingDocumentBytes | null> {
  return documents.document(stamp, pageUrl);
}
