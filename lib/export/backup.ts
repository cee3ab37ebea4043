import { z } from "zod";
import { Role } from "@/lib/domain/vocabulary";
import type { ArticleExport } from "./types";

/**
 * backup.json: everything about one article, in the shape of ArticleExport with a header. This
 * schema is the file format: restoreBackup validates against it, and `formatBackup`'s output must
 * satisfy it (checked by the type below and by the round-trip test).
 */

const id = z.string().min(1).max(200);
const when = z.iso.datetime({ error: "must be an ISO date-time like 2025-01-31T12:00:00.000Z" });
const text = z.string();
const optionalText = z.string().nullable();

export const BackupSchema = z.object({
  format: z.literal("claimdesk-backup", { error: 'not a Claimdesk backup: "format" must be "claimdesk-backup"' }),
  version: z.literal(1, { error: "this backup version is not supported (expected version 1)" }),
  exportedAt: when,
  article: z.object({
    id,
    slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "a slug is lower-case letters, digits and single hyphens"),
    title: z.string().min(1),
    publisher: optionalText,
    author: optionalText,
    originalUrl: optionalText,
    publishedOn: optionalText,
    status: z.enum(["draft", "in_review", "published"]),
    publishedAt: when.nullable(),
    createdAt: when,
    updatedAt: when,
  }),
  revisions: z
    .array(
      z.object({
        id,
        number: z.number().int().positive(),
        text,
        sourceFormat: z.enum(["markdown", "text", "html"]),
        contentHash: z.string().regex(/^[0-9a-f]{64}$/, "must be a SHA-256 hex digest"),
        importedAt: when,
        importedById: id.nullable(),
      }),
    )
    .min(1, "a backup holds at least one revision"),
  claims: z.array(
    z.object({
      id,
      revisionId: id,
      kind: z.enum(["statistic", "program_rule", "policy_assertion", "factual"]),
      text,
      sourceStart: z.number().int().nonnegative(),
      sourceEnd: z.number().int().nonnegative(),
      quoteExact: text,
      quotePrefix: text,
      quoteSuffix: text,
      textStart: z.number().int().nonnegative().nullable(),
      textEnd: z.number().int().nonnegative().nullable(),
      score: z.number().finite(),
      reasons: text,
      quantities: text,
      context: optionalText,
      origin: z.enum(["extracted", "manual"]),
      state: z.enum(["open", "in_review", "reviewed", "approved", "dismissed", "orphaned"]),
      position: z.number().int(),
      dismissReason: optionalText,
      assigneeId: id.nullable(),
      approvedReviewId: id.nullable(),
      approvedById: id.nullable(),
      approvedAt: when.nullable(),
      createdAt: when,
      updatedAt: when,
    }),
  ),
  reviews: z.array(
    z.object({
      id,
      claimId: id,
      reviewerId: id,
      verdict: z.enum(["accurate", "mostly_accurate", "missing_context", "misleading", "false", "unsupported", "opinion"]).nullable(),
      confidence: z.enum(["low", "medium", "high"]).nullable(),
      note: text,
      version: z.number().int().positive(),
      createdAt: when,
      updatedAt: when,
    }),
  ),
  citations: z.array(
    z.object({
      id,
      reviewId: id,
      sourceId: id,
      stance: z.enum(["supports", "refutes", "context"]),
      excerpt: text,
      accessedOn: optionalText,
      archiveUrl: optionalText,
      position: z.number().int(),
      createdAt: when,
      updatedAt: when,
    }),
  ),
  sources: z.array(
    z.object({
      id,
      url: z.url({ protocol: /^https?$/, error: "a source URL must be http or https" }),
      normalizedUrl: z.string().min(1),
      title: optionalText,
      publisher: optionalText,
      publishedOn: optionalText,
      createdAt: when,
    }),
  ),
  users: z.array(z.object({ id, email: z.string().min(3).max(320).includes("@"), name: optionalText, role: Role })),
  auditEvents: z.array(
    z.object({
      id,
      actorId: id.nullable(),
      action: z.string().min(1),
      entityType: z.string().min(1),
      entityId: z.string(),
      before: optionalText,
      after: optionalText,
      createdAt: when,
    }),
  ),
});

/** A backup that passed validation. */
export type Backup = z.infer<typeof BackupSchema>;

/** The header every backup file starts with. */
export type BackupHeader = { format: "claimdesk-backup"; version: 1; exportedAt: string };

/** What formatBackup writes: the header, then the article's data exactly as loaded. */
export type BackupFile = BackupHeader & ArticleExport;

/**
 * backup.json's content. The data is written as loaded, so restoring it and exporting again gives
 * the same file except `exportedAt`; the round-trip test keeps this and BackupSchema in step.
 */
export function formatBackup(data: ArticleExport, options: { exportedAt?: string } = {}): BackupFile {
  return { format: "claimdesk-backup", version: 1, exportedAt: options.exportedAt ?? new Date().toISOString(), ...data };
}

/** The file's text: two-space indent, final newline. */
export function serializeBackup(backup: BackupFile): string {
  return `${JSON.stringify(backup, null, 2)}\n`;
}

// The file schema and the export types must name the same fields: this fails to compile if they drift.
type KeyDrift<A, B> = Exclude<keyof A, keyof B> | Exclude<keyof B, keyof A>;
type Row<T extends readonly unknown[]> = T[number];
const fieldsAgree: [
  KeyDrift<Backup, BackupFile>,
  KeyDrift<Backup["article"], ArticleExport["article"]>,
  KeyDrift<Row<Backup["revisions"]>, Row<ArticleExport["revisions"]>>,
  KeyDrift<Row<Backup["claims"]>, Row<ArticleExport["claims"]>>,
  KeyDrift<Row<Backup["reviews"]>, Row<ArticleExport["reviews"]>>,
  KeyDrift<Row<Backup["citations"]>, Row<ArticleExport["citations"]>>,
  KeyDrift<Row<Backup["sources"]>, Row<ArticleExport["sources"]>>,
  KeyDrift<Row<Backup["users"]>, Row<ArticleExport["users"]>>,
  KeyDrift<Row<Backup["auditEvents"]>, Row<ArticleExport["auditEvents"]>>,
] extends never[]
  ? true
  : false = true;
void fieldsAgree;
