import { describe, expect, it } from "vitest";
import { canSeeArticle, type Viewer } from "@/lib/auth/policy";
import { ArticleStatus, Role } from "@/lib/domain/vocabulary";

const as = (role: Role): Viewer => ({ id: `u-${role}`, role, email: `${role}@test`, name: null });

describe("canSeeArticle", () => {
  it("shows a reader published articles and nothing else", () => {
    expect(canSeeArticle(null, { status: "published" })).toBe(true);
    expect(canSeeArticle(null, { status: "draft" })).toBe(false);
    expect(canSeeArticle(null, { status: "in_review" })).toBe(false);
  });

  it("hides a status it does not know from a reader, rather than guessing it is public", () => {
    expect(canSeeArticle(null, { status: "Published" })).toBe(false);
    expect(canSeeArticle(null, { status: "" })).toBe(false);
  });

  it.each(Role.options)("shows a %s every article, whatever its status", (role) => {
    for (const status of ArticleStatus.options) expect(canSeeArticle(as(role), { status })).toBe(true);
  });
});
