import type { Root as HastRoot } from "hast";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSanitize);

/**
 * A reviewer's note, Markdown → sanitised HTML tree. Raw HTML in the note is dropped by
 * remark-rehype and anything left is filtered by rehype-sanitize's allow-list, so a note like
 * `<img src=x onerror=alert(1)>` renders as inert text.
 */
export function renderNote(markdown: string): HastRoot {
  return processor.runSync(processor.parse(markdown)) as HastRoot;
}
