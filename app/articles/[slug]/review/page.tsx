import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HastContent } from "@/app/_components/hast-content";
import { Slug } from "@/lib/articles/import-article";
import { can } from "@/lib/auth/policy";
import { requirePageViewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { KIND_LABELS, type ClaimKind } from "@/lib/domain/vocabulary";
import { renderArticle } from "@/lib/render/article-html";
import { renderNote } from "@/lib/render/note-html";
import { getWorkbench } from "@/lib/review/get-workbench";
import { OrphansPanel } from "./orphans-panel";
import { assignedFirst } from "@/lib/desk/assigned-first";
import type { WorkbenchClaim } from "./types";
import { Workbench } from "./workbench";

type Props = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "Workbench" };

export default async function ReviewPage({ params }: Props) {
  const raw = (await params).slug;
  const viewer = await requirePageViewer("workbench.view", `/articles/${encodeURIComponent(raw)}/review`);
  const slug = Slug.safeParse(raw);
  if (!slug.success) notFound();
  const data = await getWorkbench(db, { viewer, slug: slug.data });
  if (!data || !data.revision) notFound();

  const claims: WorkbenchClaim[] = data.claims.map((c) => {
    const reviews = c.reviews.map((r) => ({
      id: r.id,
      reviewerId: r.reviewer.id,
      reviewerName: r.reviewer.name,
      verdict: r.verdict,
      confidence: r.confidence,
      note: r.note,
      noteTree: renderNote(r.note),
      version: r.version,
      updatedAt: r.updatedAt.toISOString(),
      citations: r.citations.map((ct) => ({
        id: ct.id,
        url: ct.source.url,
        title: ct.source.title,
        publisher: ct.source.publisher,
        publishedOn: ct.source.publishedOn,
        accessedOn: ct.accessedOn,
        excerpt: ct.excerpt,
        stance: ct.stance,
        archiveUrl: ct.archiveUrl,
      })),
    }));
    return {
      id: c.id,
      kind: c.kind,
      text: c.text,
      state: c.state,
      score: c.score,
      reasons: c.reasons,
      quantities: c.quantities,
      context: c.context,
      speaker: c.speaker,
      origin: c.origin,
      dismissReason: c.dismissReason,
      assigneeId: c.assigneeId,
      sourceStart: c.sourceStart,
      sourceEnd: c.sourceEnd,
      revisionNumber: c.revisionNumber,
      anchorStatus: c.anchorStatus,
      previousText: c.previousText,
      previousRevisionNumber: c.previousRevisionNumber,
      stateBeforeOrphan: c.stateBeforeOrphan,
      reviews,
      myReview: reviews.find((r) => r.reviewerId === viewer.id) ?? null,
      history: c.history.map((h) => ({ id: h.id, action: h.action, actorName: h.actorName, createdAt: h.createdAt.toISOString(), summary: h.summary })),
    };
  });

  const tree = renderArticle(data.revision.text, {
    sourceOffsets: true,
    claims: claims
      // Orphans sit on an older revision: their offsets mean nothing in this text.
      .filter((c) => c.state !== "dismissed" && c.state !== "orphaned")
      .map((c) => ({
        id: c.id,
        sourceStart: c.sourceStart,
        sourceEnd: c.sourceEnd,
        kind: c.kind,
        verdict: c.myReview?.verdict ?? null,
        label: `${KIND_LABELS[c.kind as ClaimKind] ?? c.kind} claim`,
      })),
  });

  return (
    <>
      <p className="muted">
        <Link href={`/articles/${data.article.slug}`}>{data.article.title}</Link> · workbench · revision {data.revision.number}
      </p>
      <h1 className="visually-hidden">Workbench: {data.article.title}</h1>
      <Workbench revisionId={data.revision.id} claims={assignedFirst(claims, viewer.id)} viewer={{ id: viewer.id, name: viewer.name ?? viewer.email, role: viewer.role }}>
        <div className="article-text" data-testid="article-text">
          <HastContent tree={tree} />
        </div>
      </Workbench>
      {can(viewer, "claim.approve") ? <OrphansPanel orphans={claims.filter((c) => c.state === "orphaned")} revisionId={data.revision.id} /> : null}
    </>
  );
}
