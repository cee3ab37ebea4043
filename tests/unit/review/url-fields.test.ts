import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importArticle } from "@/lib/articles/import-article";
import { ArticleMetadata, readFrontMatter } from "@/lib/articles/front-matter";
import { HTTP_URL_MESSAGE, HttpUrl, isHttpUrl } from "@/lib/domain/http-url";
import { toAppError } from "@/lib/errors";
import { BackupSchemaV2 } from "@/lib/export/backup";
import { AddCitationInput, UpdateCitationInput } from "@/lib/review/schemas";
import { tempDatabase } from "../../support/temp-database";

/**
 * Issue 11, finding 9: every URL field is http(s) only, through one schema (lib/domain/http-url.ts),
 * with one message: the citation form, the archive link, an article's front matter and a backup.
 */

const HOSTILE = [
  "javascript:alert(1)",
  " JavaScript:alert(document.cookie)",
  "java\tscript:alert(1)",
  "jav&#x09;ascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  "file:///etc/passwd",
  "ftp://example.org/file",
  "mailto:someone@example.org",
];

describe("the one URL schema", () => {
  it.each(HOSTILE)("refuses %j, saying to use http or https", (url) => {
    const result = HttpUrl.safeParse(url);
    expect(result.success).toBe(false);
    expect(isHttpUrl(url.trim())).toBe(false);
    // jav&#x09;ascript: does not parse as a URL at all: asked for a full address instead.
    if (!url.includes("&#")) expect(result.error?.issues.map((i) => i.message)).toEqual([HTTP_URL_MESSAGE]);
  });

  it("says http and https in its message (the workbench's who-may-not spec reads it)", () => {
    expect(HTTP_URL_MESSAGE).toMatch(/^Use an http or https address/);
    expect(HTTP_URL_MESSAGE).toMatch(/http and https/);
  });

  it("keeps http and https addresses, trimmed, in any case", () => {
    for (const url of ["https://example.org/a?b=1#c", "HTTP://EXAMPLE.ORG/", "  https://example.org/x  "]) {
      expect(HttpUrl.parse(url)).toBe(url.trim());
      expect(isHttpUrl(url.trim())).toBe(true);
    }
  });
});

describe("every URL field uses it", () => {
  const citation = { claimId: "c1", citationId: "x1", url: "https://example.org/minutes", stance: "supports" as const };

  it.each(HOSTILE.filter((u) => !u.includes("&#")))("a citation's source and archive URL refuse %j", (url) => {
    for (const schema of [AddCitationInput, UpdateCitationInput]) {
      expect(toAppError(schema.safeParse({ ...citation, url }).error).fieldErrors.url).toEqual([HTTP_URL_MESSAGE]);
      expect(toAppError(schema.safeParse({ ...citation, archiveUrl: url }).error).fieldErrors.archiveUrl).toEqual([HTTP_URL_MESSAGE]);
    }
  });

  it("a blank archive URL is no archive URL", () => {
    expect(AddCitationInput.parse({ ...citation, archiveUrl: "  " }).archiveUrl).toBeUndefined();
  });

  it("an article's url in front matter refuses javascript: and data:", () => {
    expect(ArticleMetadata.safeParse({ url: "javascript:alert(1)" }).error?.issues[0]?.message).toBe(HTTP_URL_MESSAGE);
    expect(() => readFrontMatter("---\nurl: data:text/html,<b>x</b>\n---\n# T\n", "evil.md")).toThrow(
      "The front matter of evil.md is refused: url: Use an http or https address",
    );
    expect(readFrontMatter("---\nurl: https://gazette.example/a\n---\n# T\n").url).toBe("https://gazette.example/a");
  });

  it("a backup's article, source and archive URLs refuse javascript:", () => {
    const shape = BackupSchemaV2.shape;
    for (const [name, schema] of [
      ["article.originalUrl", shape.article.shape.originalUrl],
      ["sources.url", shape.sources.element.shape.url],
      ["citations.archiveUrl", shape.citations.element.shape.archiveUrl],
    ] as const) {
      expect(schema.safeParse("javascript:alert(1)").error?.issues[0]?.message, name).toBe(HTTP_URL_MESSAGE);
      expect(schema.safeParse("https://example.org/").success, name).toBe(true);
    }
  });
});

describe("importing an article whose front matter has a javascript: url", () => {
  let t: ReturnType<typeof tempDatabase>;
  beforeAll(() => {
    t = tempDatabase();
  });
  afterAll(async () => {
    await t.dispose();
  });

  it("is refused with the field named, and nothing is written", async () => {
    const text = "---\ntitle: Harbor\nurl: javascript:alert(document.cookie)\n---\n\nThe council spent $4.2 million on roads in 2023.\n";
    await expect(importArticle(t.db, { text, fileName: "harbor.md" })).rejects.toMatchObject({
      code: "BAD_INPUT",
      message: expect.stringMatching(/front matter of harbor\.md is refused: url: Use an http or https address/),
    });
    expect(await t.db.article.count()).toBe(0);
  });
});
