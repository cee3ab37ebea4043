import { canSeeArticle, type Viewer } from "@/lib/auth/policy";

/**
 * Who may open an article's reading view: everyone once it is published; before that, whoever the
 * policy lets see the article (staff), as a preview. Anyone else gets a 404, so an unpublished
 * article's existence is not revealed.
 */
export function readingAccess(status: string, viewer: Viewer): "public" | "preview" | "hidden" {
  if (status === "published") return "public";
  return canSeeArticle(viewer, { status }) ? "preview" : "hidden";
}
