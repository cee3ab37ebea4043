/**
 * The plain data every export is made from (../shared/DESIGN.md §6). `loadArticleExport` reads one
 * article into it with a few queries; every formatter is a pure function of it. Rows mirror the
 * database columns (dates as ISO strings, JSON columns as their stored text) so that the backup is
 * the structure itself and a restore can write it back unchanged.
 */

export type ExportArticle = {
  id: string;
  slug: string;
  title: string;
  publisher: string | null;
  author: string | null;
  originalUrl: string | null;
  publishedOn: string | null;
  status: string;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export type ExportRevision = {
  id: string;
  number: number;
  text: string;
  sourceFormat: string;
  contentHash: string;
  importedAt: string;
  importedById: string | null;
};

export type ExportClaim = {
  id: string;
  revisionId: string;
  kind: string;
  text: string;
  sourceStart: number;
  sourceEnd: number;
  quoteExact: string;
  quotePrefix: string;
  quoteSuffix: string;
  textStart: number | null;
  textEnd: number | null;
  score: number;
  /** Stored JSON text (an array of reasons), kept verbatim. */
  reasons: string;
  /** Stored JSON text (an array of quantities), kept verbatim. */
  quantities: string;
  context: string | null;
  /** In a transcript, who said it. */
  speaker: string | null;
  origin: string;
  state: string;
  position: number;
  dismissReason: string | null;
  assigneeId: string | null;
  approvedReviewId: string | null;
  approvedById: string | null;
  approvedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export type ExportReview = {
  id: string;
  claimId: string;
  reviewerId: string;
  verdict: string | null;
  confidence: string | null;
  note: string;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type ExportCitation = {
  id: string;
  reviewId: string;
  sourceId: string;
  stance: string;
  excerpt: string;
  accessedOn: string | null;
  archiveUrl: string | null;
  position: number;
  createdAt: string;
  updatedAt: string;
};

export type ExportSource = {
  id: string;
  url: string;
  normalizedUrl: string;
  title: string | null;
  publisher: string | null;
  publishedOn: string | null;
  createdAt: string;
};

/** A person referenced by the article's data. Never a password hash. */
export type ExportUser = { id: string; email: string; name: string | null; role: string };

export type ExportAuditEvent = {
  id: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: string | null;
  after: string | null;
  createdAt: string;
};

/** Everything about one article, JSON-safe, in a stable order (see load-article-export.ts). */
export type ArticleExport = {
  article: ExportArticle;
  revisions: ExportRevision[];
  claims: ExportClaim[];
  reviews: ExportReview[];
  citations: ExportCitation[];
  sources: ExportSource[];
  users: ExportUser[];
  auditEvents: ExportAuditEvent[];
};
