import { describe, expect, it } from "vitest";
import { articleLinks } from "@/lib/articles/article-links";
import type { Viewer } from "@/lib/auth/policy";
import type { Role } from "@/lib/domain/vocabulary";

const as = (role: Role): Viewer => ({ id: `u-${role}`, role, email: `${role}@test`, name: null });
const pages = (status: string, viewer: Viewer) => articleLinks({ slug: "a-b", status }, viewer).map((l) => l.page);

// The article navigation offers each page only to those the policy lets in (lib/auth/policy.ts).
describe("an article's links", () => {
  it("give a reader the article and, once published, its reading view", () => {
    expect(pages("published", null)).toEqual(["article", "reading"]);
    expect(pages("draft", null)).toEqual(["article"]);
  });

  it("give a reviewer the workbench, revisions and report, but not the desk", () => {
    expect(pages("published", as("reviewer"))).toEqual(["article", "workbench", "revisions", "report", "reading"]);
    expect(pages("in_review", as("reviewer"))).toEqual(["article", "workbench", "revisions", "report"]);
  });

  it("give editors and admins the desk too", () => {
    expect(pages("draft", as("editor"))).toEqual(["article", "workbench", "revisions", "report", "desk"]);
    expect(pages("published", as("admin"))).toContain("desk");
  });

  it("build the addresses from the slug", () => {
    const links = articleLinks({ slug: "a-b", status: "published" }, as("editor"));
    expect(Object.fromEntries(links.map((l) => [l.page, l.href]))).toEqual({
      article: "/articles/a-b",
      workbench: "/articles/a-b/review",
      revisions: "/articles/a-b/revisions",
      report: "/articles/a-b/report",
      reading: "/a/a-b",
      desk: "/desk/a-b",
    });
  });
});
