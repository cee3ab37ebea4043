import { describe, expect, it } from "vitest";
import { CreateArticleInput, PreviewArticleInput, SOURCE_MISSING, formDataObject } from "@/lib/articles/new-article-schemas";
import { HTTP_URL_MESSAGE } from "@/lib/domain/http-url";

// The import form's schemas, as the form parses its state and the routes parse the multipart body.
const messages = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));

describe("the import form's schemas", () => {
  it("need a file or some text, and read blank fields as not given", () => {
    expect(messages(PreviewArticleInput.safeParse({ text: "  \n" }))).toEqual({ text: SOURCE_MISSING });
    // A file input left empty sends an empty, nameless File.
    expect(messages(CreateArticleInput.safeParse({ file: new File([], ""), text: "" }))).toEqual({ text: SOURCE_MISSING });
    const parsed = CreateArticleInput.parse({ text: "The county hired 12 inspectors.", title: "  ", slug: "", originalUrl: " ", publishedOn: "" });
    expect(parsed).toMatchObject({ title: undefined, slug: undefined, originalUrl: undefined, publishedOn: undefined });
    expect(CreateArticleInput.parse({ file: new File(["# A"], "a.md") }).file?.name).toBe("a.md");
  });

  it("refuse a script address, a bad slug, the import page's slug and a day that does not exist", () => {
    const refused = messages(
      CreateArticleInput.safeParse({ text: "x", originalUrl: "javascript:alert(1)", slug: "Bad Slug", publishedOn: "2024-02-30" }),
    );
    expect(refused).toEqual({
      originalUrl: HTTP_URL_MESSAGE,
      slug: "a slug is lower-case letters, digits and single hyphens, like ice-287g-fy2020",
      publishedOn: "That date does not exist",
    });
    expect(messages(CreateArticleInput.safeParse({ text: "x", slug: "new" }))).toEqual({ slug: `the slug "new" is the import page's address; choose another` });
    expect(CreateArticleInput.parse({ text: "x", publishedOn: "2024-02-29", originalUrl: "https://a.example/b" })).toMatchObject({ publishedOn: "2024-02-29" });
  });

  it("read a multipart body's known fields only", () => {
    const form = new FormData();
    form.append("text", "Some text");
    form.append("slug", "some-text");
    form.append("role", "admin");
    expect(formDataObject(form)).toEqual({ text: "Some text", slug: "some-text" });
  });
});
