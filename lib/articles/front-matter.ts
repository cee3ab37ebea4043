import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { HttpUrl } from "@/lib/domain/http-url";
import { AppError } from "@/lib/errors";

/** What an article's front matter may say about it; unknown keys are kept out, not guessed at. */
export const ArticleMetadata = z.object({
  title: z.string().trim().min(1).max(500).optional(),
  slug: z.string().optional(),
  publisher: z.string().trim().min(1).max(300).optional(),
  author: z.string().trim().min(1).max(300).optional(),
  url: HttpUrl.optional(),
  // YAML turns an unquoted 2020-12-01 into a Date; keep the calendar day the author wrote.
  date: z
    .union([z.string(), z.date()])
    .transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d.trim()))
    .optional(),
});
export type ArticleMetadata = z.infer<typeof ArticleMetadata>;

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Reads the YAML front matter at the top of a Markdown text; an article without one has none. */
export function readFrontMatter(markdown: string, name = "the article"): ArticleMetadata {
  const block = FRONT_MATTER.exec(markdown);
  if (!block) return {};
  let data: unknown;
  try {
    data = parseYaml(block[1] ?? "") ?? {};
  } catch (error) {
    throw new AppError("BAD_INPUT", `The front matter of ${name} is not valid YAML: ${(error as Error).message.split("\n")[0]}`);
  }
  if (typeof data !== "object" || Array.isArray(data)) {
    throw new AppError("BAD_INPUT", `The front matter of ${name} must be a list of "key: value" lines.`);
  }
  const parsed = ArticleMetadata.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError("BAD_INPUT", `The front matter of ${name} is refused: ${issue?.path.join(".")}: ${issue?.message}`);
  }
  return parsed.data;
}

/** The first Markdown heading's text, used as the title when the front matter has none. */
export function firstHeading(markdown: string): string | null {
  const match = /^#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(markdown.replace(FRONT_MATTER, ""));
  return match?.[1]?.trim() || null;
}
