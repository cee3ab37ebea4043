import type { Root as HastRoot } from "hast";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import rehypeClaimMarks, { type MarkedClaim } from "./rehype-claim-marks";

/**
 * GitHub's allow-list, plus the claim marks and offset spans our own plugin adds. The marks' ids are
 * not prefixed (`claim-<id>` anchors must work), every other id still is.
 */
const schema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), "mark"],
  attributes: {
    ...defaultSchema.attributes,
    mark: ["dataClaimId", "dataKind", "dataVerdict", "dataO", "tabIndex", "ariaLabel", "className", "id"],
    span: [...(defaultSchema.attributes?.span ?? []), "dataO"],
  },
};

export interface RenderOptions {
  claims?: MarkedClaim[];
  /** Wrap plain text in `<span data-o>` for selection → source-offset mapping (the workbench). */
  sourceOffsets?: boolean;
}

/**
 * Renders a revision's Markdown to a sanitised HTML tree (hast): remark → rehype → claim marks →
 * rehype-sanitize, so article text can never carry script, event handlers or javascript: links into
 * the page. React turns the tree into elements; no HTML string is ever injected.
 */
export function renderArticle(markdown: string, options: RenderOptions = {}): HastRoot {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkFrontmatter, ["yaml", "toml"])
    .use(remarkRehype)
    .use(rehypeClaimMarks, { source: markdown, claims: options.claims ?? [], sourceOffsets: options.sourceOffsets })
    .use(rehypeSanitize, { ...schema, clobber: ["name"] });
  return processor.runSync(processor.parse(markdown)) as HastRoot;
}
