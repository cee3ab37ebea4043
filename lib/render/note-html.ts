import type { Element, Root as HastRoot } from "hast";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { BoundedCache, contentKey } from "@/lib/review/bounded-cache";

/** The id prefix of a note's footnotes when none is given: GitHub's. */
export const DEFAULT_NOTE_ID_PREFIX = "user-content-";

/** The prefix of the ids inside a claim's note (its footnotes): unique per note on a page or in a report. */
export const noteIdPrefix = (claimId: string) => `note-${claimId}-`;

/**
 * Footnotes are the only ids a note can make (raw HTML is dropped), and remark-rehype already
 * prefixes them and their links with `clobberPrefix`. Sanitize must not prefix the ids a second
 * time (it leaves the links alone, which is how `#user-content-fn-1` came to point at nothing).
 */
const sanitizeSchema = { ...defaultSchema, clobberPrefix: "" };

function processorFor(idPrefix: string) {
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, { clobberPrefix: idPrefix, footnoteLabelTagName: "p" })
    .use(rehypePrefixFootnoteLabel, idPrefix)
    .use(rehypeSanitize, sanitizeSchema);
}

const shared = processorFor(DEFAULT_NOTE_ID_PREFIX);

export type RenderNoteOptions = {
  /** Prefix of the note's footnote ids; give each note on a page its own ({@link noteIdPrefix}). */
  idPrefix?: string;
};

/**
 * A reviewer's note, Markdown → sanitised HTML tree. Raw HTML in the note is dropped by
 * remark-rehype and anything left is filtered by rehype-sanitize's allow-list, so a note like
 * `<img src=x onerror=alert(1)>` renders as inert text. Footnote ids and the links to them carry
 * `idPrefix` exactly once, so two notes on one page that both say `[^1]` keep their own footnotes.
 */
export function renderNote(markdown: string, options: RenderNoteOptions = {}): HastRoot {
  const idPrefix = options.idPrefix ?? DEFAULT_NOTE_ID_PREFIX;
  // Only a footnote makes ids: other notes share one processor (most notes, and the fast path).
  const processor = idPrefix === DEFAULT_NOTE_ID_PREFIX || !markdown.includes("[^") ? shared : processorFor(idPrefix);
  return processor.runSync(processor.parse(markdown)) as HastRoot;
}

/** Room for the notes of several long articles open at once (a note's tree is a few kB). */
const noteTrees = new BoundedCache<HastRoot>(20_000);

/**
 * renderNote, once per distinct note: the tree is cached under a hash of the note's text and prefix,
 * so the workbench does not run Markdown over every note again on every request. The tree returned
 * is shared between requests: callers must not change it (React only reads it).
 */
export function renderNoteOnce(markdown: string, options: RenderNoteOptions = {}): HastRoot {
  const idPrefix = options.idPrefix ?? DEFAULT_NOTE_ID_PREFIX;
  return noteTrees.get(contentKey(idPrefix, markdown), () => renderNote(markdown, { idPrefix }));
}

/**
 * remark-rehype names the footnote section's label `footnote-label` whatever the prefix; every note
 * with footnotes would repeat that id on a page. Gives it, and the references to it, the prefix.
 */
function rehypePrefixFootnoteLabel(idPrefix: string) {
  const label = "footnote-label";
  return (tree: HastRoot) => {
    visit(tree, "element", (node: Element) => {
      if (node.properties.id === label) node.properties.id = `${idPrefix}${label}`;
      const describedBy = node.properties.ariaDescribedBy;
      if (describedBy !== undefined && describedBy !== null) {
        node.properties.ariaDescribedBy = [describedBy].flat().map((v) => (v === label ? `${idPrefix}${label}` : String(v)));
      }
    });
  };
}
