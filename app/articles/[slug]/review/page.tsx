import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleNav } from "@/app/_components/article-nav";
import { HastContent } from "@/app/_components/hast-content";
import { Slug } from "@/lib/articles/import-article";
import { can } from "@/lib/auth/policy";
import { requirePageViewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { assignedFirst } from "@/lib/desk/assigned-first";
import { getClaimList } from "@/lib/review/get-claim-list";
import { getWorkbench } from "@/lib/review/get-workbench";
import { workbenchArticle } from "@/lib/review/workbench-article";
import { toClaimView } from "./claim-view";
import { OrphansPanel } from "./orphans-panel";
import { queueHead } from "./queue";
import { Workbench } from "./workbench";

/** How many claims of the queue the page carries in full. */
const PRELOADED = 3;

type Props = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "Workbench" };

/**
 * The page carries the article's first part (rendered once per revision, cached), a compact line per claim and
 * the full detail of the claim selected first; the workbench loads any other claim's detail when
 * it is selected. At 2,000 claims the page is the list, not 2,000 claims' reviews and history.
 */
export default async function ReviewPage({ params }: Props) {
  const raw = (await params).slug;
  const viewer = await requirePageViewer("workbench.view", `/articles/${encodeURIComponent(raw)}/review`);
  const slug = Slug.safeParse(raw);
  if (!slug.success) notFound();
  const list = await getClaimList(db, { viewer, slug: slug.data });
  if (!list || !list.revision) notFound();

  const claims = assignedFirst(list.claims, viewer.id);
  // The first claims of the queue come complete, so the first screen and the first j need no fetch.
  const head = queueHead(claims, PRELOADED);
  const editor = can(viewer, "claim.approve");
  const orphanIds = editor ? claims.filter((c) => c.state === "orphaned").map((c) => c.id) : [];
  const detailIds = [...head, ...orphanIds];
  const details = detailIds.length > 0 ? ((await getWorkbench(db, { viewer, slug: slug.data, claimIds: detailIds }))?.claims ?? []) : [];
  const views = details.map((c) => toClaimView(c, viewer.id));
  const parts = workbenchArticle(list.revision, list.claims);

  return (
    <>
      <ArticleNav article={list.article} viewer={viewer} current="workbench" />
      <h1 className="visually-hidden">Workbench: {list.article.title}</h1>
      <Workbench
        revisionId={list.revision.id}
        claims={claims}
        details={views.filter((v) => head.includes(v.id))}
        articleParts={parts.length}
        viewer={{ id: viewer.id, name: viewer.name ?? viewer.email, role: viewer.role }}
      >
        <HastContent tree={parts[0]!} />
      </Workbench>
      {editor ? <OrphansPanel orphans={views.filter((c) => c.state === "orphaned")} revisionId={list.revision.id} /> : null}
    </>
  );
}
