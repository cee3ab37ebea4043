import { z } from "zod";
import { HttpUrl } from "@/lib/domain/http-url";
import { ArticleStatus, ClaimKind, ClaimOrigin, ClaimState, Confidence, Role, Stance, Verdict } from "@/lib/domain/vocabulary";
import { Prisma, type Article, type AuditEvent, type Citation, type Claim, type ClaimAnchor, type Review, type Revision, type Source } from "@/lib/generated/prisma/browser";

/**
 * backup.json, version 2: every column of every table that belongs to one article, row for row, plus
 * the people those rows name (never their password hashes). The columns come from the Prisma
 * client's model metadata, not from a list kept here, so a column added to the schema is carried by
 * the next backup and written back by the next restore with no edit. README.md "Backup format"
 * describes the file; lib/export/backup.schema.json is its JSON Schema, generated from
 * BackupSchemaV2 (tests/unit/export/backup-schema.test.ts keeps the two in step).
 */

/** The tables of a backup, each with the model it copies and the columns it leaves out. */
export const BACKUP_TABLES = {
  article: { model: "Article", columns: Prisma.ArticleScalarFieldEnum, omitted: [] },
  revisions: { model: "Revision", columns: Prisma.RevisionScalarFieldEnum, omitted: ["articleId"] },
  claims: { model: "Claim", columns: Prisma.ClaimScalarFieldEnum, omitted: ["articleId"] },
  claimAnchors: { model: "ClaimAnchor", columns: Prisma.ClaimAnchorScalarFieldEnum, omitted: [] },
  reviews: { model: "Review", columns: Prisma.ReviewScalarFieldEnum, omitted: [] },
  citations: { model: "Citation", columns: Prisma.CitationScalarFieldEnum, omitted: [] },
  sources: { model: "Source", columns: Prisma.SourceScalarFieldEnum, omitted: [] },
  auditEvents: { model: "AuditEvent", columns: Prisma.AuditEventScalarFieldEnum, omitted: ["articleId"] },
} as const satisfies Record<string, { model: Prisma.ModelName; columns: Record<string, string>; omitted: readonly string[] }>;
// articleId is left out because the file holds one article: on every row it would only repeat it.

/**
 * Models that are not part of an article: accounts, sign-in and tokens stay with the database they
 * belong to; users travel only as the reference rows below. A new model must be added here or to
 * BACKUP_TABLES (a test fails until it is).
 */
// ClaimMatch is derived data (lib/matching), recomputed on import and when a claim is opened.
export const NOT_BACKED_UP: readonly Prisma.ModelName[] = ["User", "Account", "Session", "VerificationToken", "ApiToken", "SignInAttempt", "ClaimMatch"];

/** A row as JSON has it: dates as ISO strings. */
type JsonValue<V> = V extends Date ? string : V;
export type JsonRow<T> = { [K in keyof T]: JsonValue<T[K]> };

export type BackupUser = { id: string; email: string; name: string | null; role: string };

/** What a version-2 backup holds, typed from the Prisma models so a new column appears here too. */
export type BackupData = {
  article: JsonRow<Article>;
  revisions: JsonRow<Omit<Revision, "articleId">>[];
  claims: JsonRow<Omit<Claim, "articleId">>[];
  claimAnchors: JsonRow<ClaimAnchor>[];
  reviews: JsonRow<Review>[];
  citations: JsonRow<Citation>[];
  sources: JsonRow<Source>[];
  users: BackupUser[];
  auditEvents: JsonRow<Omit<AuditEvent, "articleId">>[];
};
export type BackupFile = { format: "claimdesk-backup"; version: 2; exportedAt: string } & BackupData;

const id = z.string().min(1).max(200);
const when = z.iso.datetime({ error: "must be an ISO date-time like 2025-01-31T12:00:00.000Z" });
const text = z.string();
const optionalText = z.string().nullable();
const offset = z.number().int().nonnegative();
/** Every address the desk renders as a link: http or https only (lib/domain/http-url.ts), else the restore is refused. */
const httpAddress = HttpUrl.meta({ description: "An http or https address", pattern: "^\\s*[Hh][Tt][Tt][Pp][Ss]?:" });
const link = httpAddress.nullable();
const AnchorStatus = z.enum(["exact", "changed", "orphaned"]);
/** A column this version of the file does not describe (added to the schema later): any JSON scalar. */
const OtherColumn = z.union([z.string(), z.number(), z.boolean(), z.null()]);

type Columns<T> = { [K in keyof T]?: z.ZodType<T[K]> };
type Row<K extends keyof BackupData> = BackupData[K] extends (infer R)[] ? R : BackupData[K];

/** The columns the file describes, with the rules the app keeps for them. */
const KNOWN = {
  article: {
    id,
    slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "a slug is lower-case letters, digits and single hyphens"),
    title: z.string().min(1),
    publisher: optionalText,
    author: optionalText,
    originalUrl: link,
    publishedOn: optionalText,
    status: ArticleStatus,
    publishedAt: when.nullable(),
    createdAt: when,
    updatedAt: when,
  } satisfies Columns<Row<"article">>,
  revisions: {
    id,
    number: z.number().int().positive(),
    text,
    sourceFormat: z.enum(["markdown", "text", "html"]),
    contentHash: z.string().regex(/^[0-9a-f]{64}$/, "must be a SHA-256 hex digest"),
    importedAt: when,
    importedById: id.nullable(),
  } satisfies Columns<Row<"revisions">>,
  claims: {
    id,
    revisionId: id,
    kind: ClaimKind,
    text,
    sourceStart: offset,
    sourceEnd: offset,
    quoteExact: text,
    quotePrefix: text,
    quoteSuffix: text,
    textStart: offset.nullable(),
    textEnd: offset.nullable(),
    score: z.number().finite(),
    reasons: text,
    quantities: text,
    context: optionalText,
    origin: ClaimOrigin,
    state: ClaimState,
    position: z.number().int(),
    dismissReason: optionalText,
    assigneeId: id.nullable(),
    approvedReviewId: id.nullable(),
    approvedById: id.nullable(),
    approvedAt: when.nullable(),
    anchorStatus: AnchorStatus.describe("How the claim came onto its revision at the last import or re-attach"),
    previousText: optionalText.describe("The claim's text on the revision it was carried from, when the new one changed it"),
    previousRevisionId: id.nullable().describe("The revision the claim was carried from at the last re-import"),
    stateBeforeOrphan: ClaimState.nullable().describe("An orphaned claim's state before: re-attaching restores it"),
    createdAt: when,
    updatedAt: when,
  } satisfies Columns<Row<"claims">>,
  claimAnchors: {
    id,
    claimId: id,
    revisionId: id,
    status: AnchorStatus,
    sourceStart: offset.nullable(),
    sourceEnd: offset.nullable(),
    text,
    createdAt: when,
  } satisfies Columns<Row<"claimAnchors">>,
  reviews: {
    id,
    claimId: id,
    reviewerId: id,
    verdict: Verdict.nullable(),
    confidence: Confidence.nullable(),
    note: text,
    version: z.number().int().positive(),
    createdAt: when,
    updatedAt: when,
  } satisfies Columns<Row<"reviews">>,
  citations: {
    id,
    reviewId: id,
    sourceId: id,
    stance: Stance,
    excerpt: text,
    accessedOn: optionalText,
    archiveUrl: link,
    position: z.number().int(),
    createdAt: when,
    updatedAt: when,
  } satisfies Columns<Row<"citations">>,
  sources: {
    id,
    url: httpAddress,
    normalizedUrl: z.string().min(1),
    title: optionalText,
    publisher: optionalText,
    publishedOn: optionalText,
    createdAt: when,
  } satisfies Columns<Row<"sources">>,
  auditEvents: {
    id,
    actorId: id.nullable(),
    action: z.string().min(1),
    entityType: z.string().min(1),
    entityId: z.string(),
    claimId: optionalText.describe("The claim the event belongs to, null for an article's own events; a file without it gets it from entityType, entityId and the snapshots' claimId"),
    before: optionalText,
    after: optionalText,
    createdAt: when,
    importedAt: when.nullable().describe("When this event came in from a backup file; a restore sets it to its own time, whatever the file says"),
  } satisfies Columns<Row<"auditEvents">>,
};

/** The columns a table carries: every scalar column of its model but the omitted ones. */
export function carriedColumns(table: keyof typeof BACKUP_TABLES): string[] {
  const { columns, omitted } = BACKUP_TABLES[table];
  return Object.keys(columns).filter((c) => !(omitted as readonly string[]).includes(c));
}

/** The carried columns this version of the file has no rule for (added to the schema since): checked as JSON scalars. */
export function undescribedColumns(table: keyof typeof BACKUP_TABLES): string[] {
  return carriedColumns(table).filter((c) => !(c in KNOWN[table]));
}

/**
 * A table's rows: the described columns with their rules, and any other column of the model as a
 * JSON scalar (so a backup made after a column was added restores here, the database checking the
 * value), but never a key that is no column at all.
 */
function rows<S extends z.ZodRawShape>(table: keyof typeof BACKUP_TABLES, described: z.ZodObject<S>) {
  const carried = new Set(carriedColumns(table));
  return described.catchall(OtherColumn).superRefine((row, ctx) => {
    for (const key of Object.keys(row)) {
      if (!carried.has(key)) ctx.addIssue({ code: "custom", path: [key], message: `${BACKUP_TABLES[table].model} has no column "${key}" in this version of Claimdesk` });
    }
  });
}

const header = {
  format: z.literal("claimdesk-backup", { error: 'not a Claimdesk backup: "format" must be "claimdesk-backup"' }),
  exportedAt: when,
};
const users = z.array(z.object({ id, email: z.string().min(3).max(320).regex(/@/, "an email address holds an @"), name: optionalText, role: Role }));

/** The current file format (the JSON Schema in backup.schema.json is generated from it). */
export const BackupSchemaV2 = z
  .object({
    ...header,
    version: z.literal(2),
    article: rows("article", z.object(KNOWN.article)),
    revisions: z.array(rows("revisions", z.object(KNOWN.revisions))).min(1, "a backup holds at least one revision"),
    claims: z.array(rows("claims", z.object(KNOWN.claims))),
    claimAnchors: z.array(rows("claimAnchors", z.object(KNOWN.claimAnchors))).describe("Where each claim sat in each revision (span null when orphaned there)"),
    reviews: z.array(rows("reviews", z.object(KNOWN.reviews))),
    citations: z.array(rows("citations", z.object(KNOWN.citations))),
    sources: z.array(rows("sources", z.object(KNOWN.sources))),
    users: users.describe("The people the rows name: never password hashes, accounts or tokens"),
    // Files written before AuditEvent.importedAt or AuditEvent.claimId existed lack them.
    auditEvents: z.array(rows("auditEvents", z.object(KNOWN.auditEvents).partial({ importedAt: true, claimId: true }))),
  })
  .meta({ title: "Claimdesk backup, version 2", description: "One article and everything about it; see README.md, Backup format." });

/**
 * Version 1 (before revisions kept anchors): no claimAnchors, and files from before re-anchoring
 * lack the claims' anchor columns. Still restored; restore-backup.ts upgrades it to version 2.
 */
const SINCE_VERSION_2 = { anchorStatus: true, previousText: true, previousRevisionId: true, stateBeforeOrphan: true } as const;
export const BackupSchemaV1 = BackupSchemaV2.omit({ version: true, claimAnchors: true }).extend({
  version: z.literal(1),
  claims: z.array(rows("claims", z.object(KNOWN.claims).partial(SINCE_VERSION_2))),
});

/**
 * What a restore accepts: a Claimdesk file (checked first, so a stray JSON file is named as such),
 * then either version by its `version` field.
 */
export const BackupSchema = z
  .object({ format: header.format })
  .loose()
  .pipe(z.discriminatedUnion("version", [BackupSchemaV2, BackupSchemaV1], { error: "this backup version is not supported (expected version 1 or 2)" }));

export type BackupV1 = z.infer<typeof BackupSchemaV1>;

/** The header and the data: a version-2 file from loadBackup's data. */
export function formatBackup(data: BackupData, options: { exportedAt?: string } = {}): BackupFile {
  return { format: "claimdesk-backup", version: 2, exportedAt: options.exportedAt ?? new Date().toISOString(), ...data };
}

/** The file's text: two-space indent, final newline. */
export function serializeBackup(backup: BackupFile): string {
  return `${JSON.stringify(backup, null, 2)}\n`;
}
