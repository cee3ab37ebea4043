import type { SourceFormat } from "@/lib/claims";
import type { ArticleFields } from "./new-article-schemas";
import { firstHeading, readFrontMatter } from "./front-matter";
import { readHtmlMetadata } from "./html-metadata";
import { slugFromFileName, slugFromWords } from "./slug-from-file-name";

/** An article's metadata as its own text gives it: every field but the slug may be unknown. */
export type FoundMetadata = Omit<ArticleFields, "slug"> & { slug: string };

/**
 * What an article says about itself, in the import form's fields: Markdown's front matter (as the
 * command line reads it, refusals included), an HTML page's head, the first heading as the title,
 * and a slug from the front matter, the file's name or, for pasted text, the title.
 */
export function describeArticle(read: { format: SourceFormat; markdown: string }, source: { text: string; fileName?: string }): FoundMetadata {
  const name = source.fileName ?? "the pasted text";
  const front = readFrontMatter(read.markdown, name);
  const head = read.format === "html" ? readHtmlMetadata(source.text) : {};
  const title = front.title ?? head.title ?? firstHeading(read.markdown) ?? undefined;
  const slug = front.slug ?? (source.fileName ? slugFromFileName(source.fileName) : slugFromWords(title ?? ""));
  return {
    title,
    slug: slug || "article",
    publisher: front.publisher ?? head.publisher,
    author: front.author ?? head.author,
    originalUrl: front.url ?? head.url,
    publishedOn: front.date ?? head.date,
  };
}
