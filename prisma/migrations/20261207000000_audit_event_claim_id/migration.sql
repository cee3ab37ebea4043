-- AuditEvent.claimId: the claim an event belongs to, so a claim's history is one indexed read
-- instead of a LIKE '%"<id>"%' over the snapshots of every event of the article (issue 13). A plain
-- column without a foreign key: the history of a merged or deleted claim must stay.
ALTER TABLE "AuditEvent" ADD COLUMN "claimId" TEXT;

-- CreateIndex
CREATE INDEX "AuditEvent_claimId_createdAt_idx" ON "AuditEvent"("claimId", "createdAt");

-- The events recorded before the column, told as claimIdOfEvent (lib/review/audit-history.ts) tells
-- them: a claim event's own entity; else the `after` snapshot's claimId when it has one that is not
-- null (a string counts, anything else makes none), else the `before` snapshot's string claimId. A
-- snapshot that is not a JSON object counts as none. Nested CASEs, which SQLite evaluates lazily,
-- so json_type never meets malformed text (it would fail the migration).
UPDATE "AuditEvent" SET "claimId" = CASE
    WHEN "entityType" = 'claim' THEN "entityId"
    ELSE (
        SELECT CASE
            WHEN s."afterType" IS NOT NULL AND s."afterType" <> 'null' THEN CASE WHEN s."afterType" = 'text' THEN json_extract("AuditEvent"."after", '$.claimId') END
            WHEN s."beforeType" = 'text' THEN json_extract("AuditEvent"."before", '$.claimId')
        END
        FROM (SELECT
            CASE WHEN json_valid("AuditEvent"."after") THEN CASE WHEN json_type("AuditEvent"."after") = 'object' THEN json_type("AuditEvent"."after", '$.claimId') END END AS "afterType",
            CASE WHEN json_valid("AuditEvent"."before") THEN CASE WHEN json_type("AuditEvent"."before") = 'object' THEN json_type("AuditEvent"."before", '$.claimId') END END AS "beforeType"
        ) AS s
    )
END;
