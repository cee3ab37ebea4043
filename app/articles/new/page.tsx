import type { Metadata } from "next";
import { requirePageViewer } from "@/lib/auth/viewer";
import { ImportArticleForm } from "./import-article-form";
import "./new-article.css";

export const metadata: Metadata = { title: "Import an article" };

/** Import a new article from the browser (issue 15, item 1): reviewers and up; a reader is sent to sign in. */
export default async function NewArticlePage() {
  await requirePageViewer("article.import", "/articles/new");
  return <ImportArticleForm />;
}
