-- AuditEvent.claimId, as in the SQLite history's 20261207000000_audit_event_claim_id: the claim an
-- event belongs to, so a claim's history is one indexed read instead of a LIKE over the snapshots
-- of every event of the article (issue 13). A plain column without a foreign key: the history of a
-- merged or deleted claim must stay. Generated: prisma migrate diff --from-migrations … --script,
-- plus the backfill below.

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "claimId" TEXT;

-- CreateIndex
CREATE INDEX "AuditEvent_claimId_createdAt_idx" ON "AuditEvent"("claimId", "createdAt");

-- The events recorded before the column, told as claimIdOfEvent (lib/review/audit-history.ts) tells
-- them: a claim event's own entity; else the `after` snapshot's claimId when it has one that is not
-- null (a string counts, anything else makes none), else the `before` snapshot's string claimId. A
-- snapshot that is not a JSON object counts as none; the columns are text, and a cast of malformed
-- text would fail the migration, so each is parsed inside its own exception block. The function
-- lives only as long as the migration.
CREATE FUNCTION "AuditEvent_claimIdOf"(entity_type TEXT, entity_id TEXT, before TEXT, after TEXT) RETURNS TEXT LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    snapshot jsonb;
    found jsonb;
BEGIN
    IF entity_type = 'claim' THEN
        RETURN entity_id;
    END IF;
    BEGIN
        snapshot := after::jsonb;
    EXCEPTION WHEN others THEN
        snapshot := NULL;
    END;
    IF jsonb_typeof(snapshot) = 'object' THEN
        found := snapshot -> 'claimId';
    END IF;
    IF found IS NULL OR found = 'null'::jsonb THEN
        found := NULL;
        BEGIN
            snapshot := before::jsonb;
        EXCEPTION WHEN others THEN
            snapshot := NULL;
        END;
        IF jsonb_typeof(snapshot) = 'object' THEN
            found := snapshot -> 'claimId';
        END IF;
    END IF;
    IF jsonb_typeof(found) = 'string' THEN
        RETURN found #>> '{}';
    END IF;
    RETURN NULL;
END
$$;

UPDATE "AuditEvent" SET "claimId" = "AuditEvent_claimIdOf"("entityType", "entityId", "before", "after");

DROP FUNCTION "AuditEvent_claimIdOf"(TEXT, TEXT, TEXT, TEXT);
