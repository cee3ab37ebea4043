import "server-only";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { Slug } from "@/lib/articles/import-article";
import { getViewer } from "@/lib/auth/viewer";
import { readingAccess } from "@/lib/reading/access";
import { getReadingMarkup, getReadingStamp } from "@/lib/reading/get-reading-view";
import { siteOrigin } from "@/lib/reading/site-origin";

/**
 * The reading view of one request, shared by generateMetadata and the page (React's cache): a 404
 * for a malformed slug, an unknown article, or an unpublished one the viewer may not preview.
 */
export const loadReading = cache(async (rawSlug: string) => {
  await connection(); // the view reads the database on every request
  const slug = Slug.safeParse(rawSlug);
  if (!slug.success) notFound();
  const stamp = await getReadingStamp(slug.data);
  if (!stamp) notFound();
  // The session is only consulted for unpublished articles: a published one is the same for all.
  const viewer = stamp.status === "published" ? null : await getViewer();
  if (readingAccess(stamp.status, viewer) === "hidden") notFound();
  const requestHeaders = await headers();
  const pageUrl = `${siteOrigin((name) => requestHeaders.get(name))}/a/${slug.data}`;
  const markup = await getReadingMarkup(stamp, pageUrl);
  // Checked again on what was rendered, in case the article was unpublished in between.
  const access = markup ? readingAccess(markup.article.status, viewer) : "hidden";
  if (!markup || access === "hidden") notFound();
  return { markup, access, pageUrl };
});
