import "server-only";
import { db } from "@/lib/db/client";
import { readReadingStamp, type ReadingStamp } from "./read-reading-stamp";
import { readReadingView } from "./read-reading-view";
import { ReadingCache } from "./reading-cache";
import { renderReadingMarkup, type ReadingMarkup } from "./reading-markup";

/** Up to 64 Mi code units of rendered pages per app server; a minute at most behind unstamped changes. */
const cache = new ReadingCache<ReadingMarkup | null>({ maxSize: 64 * 1024 * 1024, ttlMs: 60_000 });

/** The version stamp of an article's reading view from the app's database, or null. */
export function getReadingStamp(slug: string): Promise<ReadingStamp | null> {
  return readReadingStamp(db, slug);
}

/**
 * The rendered reading view for this stamp: from the cache when this version was rendered in the
 * last minute, otherwise read (one query, selected fields) and rendered once.
 */
export function getReadingMarkup(stamp: ReadingStamp, pageUrl: string): Promise<ReadingMarkup | null> {
  return cache.get(`${stamp.version}|${pageUrl}`, async () => {
    const view = await readReadingView(db, stamp.slug);
    return view && renderReadingMarkup(view, { pageUrl });
  });
}
