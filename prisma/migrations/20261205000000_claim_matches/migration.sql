-- Issue 16: claims matched to earlier, checked claims of other articles (lib/matching).

-- CreateTable
CREATE TABLE "ClaimMatch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "claimId" TEXT NOT NULL,
    "matchedClaimId" TEXT NOT NULL,
    "score" REAL NOT NULL,
    "relation" TEXT NOT NULL,
    "reasons" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ClaimMatch_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ClaimMatch_matchedClaimId_fkey" FOREIGN KEY ("matchedClaimId") REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ClaimMatch_matchedClaimId_idx" ON "ClaimMatch"("matchedClaimId");

-- CreateIndex
CREATE UNIQUE INDEX "ClaimMatch_claimId_matchedClaimId_key" ON "ClaimMatch"("claimId", "matchedClaimId");

-- The full-text index of the claims a new claim may be matched to: those with a review that has a
-- verdict, or an approved verdict, and neither dismissed nor orphaned, nor back in review because
-- a new revision changed their words (the verdict was given on the old words). Not in schema.prisma (Prisma
-- does not model virtual tables); only lib/matching/search-index.ts queries it. FTS5 needs an
-- integer rowid, and Claim's implicit rowid may change on VACUUM, so ClaimSearchKey gives each
-- indexed claim a stable one. The plain unicode61 tokenizer (no stemming) keeps the index's terms
-- the words matching writes, so their document counts (fts5vocab) can be looked up to leave out
-- words too common to help; matching asks for each word's inflections itself. Numbers and
-- polarity are judged afterwards, in JavaScript, on the candidates' own text.
CREATE TABLE "ClaimSearchKey" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "claimId" TEXT NOT NULL
);
CREATE UNIQUE INDEX "ClaimSearchKey_claimId_key" ON "ClaimSearchKey"("claimId");
CREATE VIRTUAL TABLE "ClaimSearch" USING fts5("text", tokenize = 'unicode61 remove_diacritics 2');

-- Kept right by triggers, so every way a claim changes (edit, split, merge, dismiss, re-anchor,
-- review, approval, restore) keeps the index right without each verb knowing of it. Each trigger
-- removes the claim's row and adds it back when the claim is still a candidate.
CREATE TRIGGER "ClaimSearch_claim_insert" AFTER INSERT ON "Claim" BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid IN (SELECT "id" FROM "ClaimSearchKey" WHERE "claimId" = new."id");
    DELETE FROM "ClaimSearchKey" WHERE "claimId" = new."id";
    INSERT INTO "ClaimSearchKey" ("claimId")
        SELECT c."id" FROM "Claim" c WHERE c."id" = new."id"
        AND c."state" NOT IN ('dismissed', 'orphaned') AND NOT (c."state" = 'in_review' AND c."anchorStatus" = 'changed')
        AND (c."approvedReviewId" IS NOT NULL OR EXISTS (SELECT 1 FROM "Review" r WHERE r."claimId" = c."id" AND r."verdict" IS NOT NULL));
    INSERT INTO "ClaimSearch" (rowid, "text")
        SELECT k."id", c."text" FROM "ClaimSearchKey" k JOIN "Claim" c ON c."id" = k."claimId" WHERE k."claimId" = new."id";
    -- Matches offering a claim that is no longer a candidate would show a verdict that no longer stands.
    DELETE FROM "ClaimMatch" WHERE "matchedClaimId" = new."id" AND NOT EXISTS (SELECT 1 FROM "ClaimSearchKey" WHERE "claimId" = new."id");
END;

CREATE TRIGGER "ClaimSearch_claim_update" AFTER UPDATE OF "text", "state", "approvedReviewId", "anchorStatus" ON "Claim"
WHEN old."text" IS NOT new."text" OR old."state" IS NOT new."state" OR old."approvedReviewId" IS NOT new."approvedReviewId"
    OR old."anchorStatus" IS NOT new."anchorStatus" BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid IN (SELECT "id" FROM "ClaimSearchKey" WHERE "claimId" = new."id");
    DELETE FROM "ClaimSearchKey" WHERE "claimId" = new."id";
    INSERT INTO "ClaimSearchKey" ("claimId")
        SELECT c."id" FROM "Claim" c WHERE c."id" = new."id"
        AND c."state" NOT IN ('dismissed', 'orphaned') AND NOT (c."state" = 'in_review' AND c."anchorStatus" = 'changed')
        AND (c."approvedReviewId" IS NOT NULL OR EXISTS (SELECT 1 FROM "Review" r WHERE r."claimId" = c."id" AND r."verdict" IS NOT NULL));
    INSERT INTO "ClaimSearch" (rowid, "text")
        SELECT k."id", c."text" FROM "ClaimSearchKey" k JOIN "Claim" c ON c."id" = k."claimId" WHERE k."claimId" = new."id";
    -- Matches offering a claim that is no longer a candidate would show a verdict that no longer stands.
    DELETE FROM "ClaimMatch" WHERE "matchedClaimId" = new."id" AND NOT EXISTS (SELECT 1 FROM "ClaimSearchKey" WHERE "claimId" = new."id");
END;

-- A claim whose words changed is matched again (on import, or when it is opened): its stored matches,
-- either way, were judged on words it no longer has.
CREATE TRIGGER "ClaimMatch_claim_text_update" AFTER UPDATE OF "text" ON "Claim" WHEN old."text" IS NOT new."text" BEGIN
    DELETE FROM "ClaimMatch" WHERE "claimId" = new."id" OR "matchedClaimId" = new."id";
END;

CREATE TRIGGER "ClaimSearch_claim_delete" AFTER DELETE ON "Claim" BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid IN (SELECT "id" FROM "ClaimSearchKey" WHERE "claimId" = old."id");
    DELETE FROM "ClaimSearchKey" WHERE "claimId" = old."id";
END;

CREATE TRIGGER "ClaimSearch_review_insert" AFTER INSERT ON "Review" WHEN new."verdict" IS NOT NULL BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid IN (SELECT "id" FROM "ClaimSearchKey" WHERE "claimId" = new."claimId");
    DELETE FROM "ClaimSearchKey" WHERE "claimId" = new."claimId";
    INSERT INTO "ClaimSearchKey" ("claimId")
        SELECT c."id" FROM "Claim" c WHERE c."id" = new."claimId"
        AND c."state" NOT IN ('dismissed', 'orphaned') AND NOT (c."state" = 'in_review' AND c."anchorStatus" = 'changed')
        AND (c."approvedReviewId" IS NOT NULL OR EXISTS (SELECT 1 FROM "Review" r WHERE r."claimId" = c."id" AND r."verdict" IS NOT NULL));
    INSERT INTO "ClaimSearch" (rowid, "text")
        SELECT k."id", c."text" FROM "ClaimSearchKey" k JOIN "Claim" c ON c."id" = k."claimId" WHERE k."claimId" = new."claimId";
    -- Matches offering a claim that is no longer a candidate would show a verdict that no longer stands.
    DELETE FROM "ClaimMatch" WHERE "matchedClaimId" = new."claimId" AND NOT EXISTS (SELECT 1 FROM "ClaimSearchKey" WHERE "claimId" = new."claimId");
END;

CREATE TRIGGER "ClaimSearch_review_update" AFTER UPDATE OF "verdict", "claimId" ON "Review"
WHEN old."verdict" IS NOT new."verdict" OR old."claimId" IS NOT new."claimId" BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid IN (SELECT "id" FROM "ClaimSearchKey" WHERE "claimId" = old."claimId");
    DELETE FROM "ClaimSearchKey" WHERE "claimId" = old."claimId";
    INSERT INTO "ClaimSearchKey" ("claimId")
        SELECT c."id" FROM "Claim" c WHERE c."id" = old."claimId"
        AND c."state" NOT IN ('dismissed', 'orphaned') AND NOT (c."state" = 'in_review' AND c."anchorStatus" = 'changed')
        AND (c."approvedReviewId" IS NOT NULL OR EXISTS (SELECT 1 FROM "Review" r WHERE r."claimId" = c."id" AND r."verdict" IS NOT NULL));
    INSERT INTO "ClaimSearch" (rowid, "text")
        SELECT k."id", c."text" FROM "ClaimSearchKey" k JOIN "Claim" c ON c."id" = k."claimId" WHERE k."claimId" = old."claimId";
    -- Matches offering a claim that is no longer a candidate would show a verdict that no longer stands.
    DELETE FROM "ClaimMatch" WHERE "matchedClaimId" = old."claimId" AND NOT EXISTS (SELECT 1 FROM "ClaimSearchKey" WHERE "claimId" = old."claimId");
    DELETE FROM "ClaimSearch" WHERE rowid IN (SELECT "id" FROM "ClaimSearchKey" WHERE "claimId" = new."claimId");
    DELETE FROM "ClaimSearchKey" WHERE "claimId" = new."claimId";
    INSERT INTO "ClaimSearchKey" ("claimId")
        SELECT c."id" FROM "Claim" c WHERE c."id" = new."claimId"
        AND c."state" NOT IN ('dismissed', 'orphaned') AND NOT (c."state" = 'in_review' AND c."anchorStatus" = 'changed')
        AND (c."approvedReviewId" IS NOT NULL OR EXISTS (SELECT 1 FROM "Review" r WHERE r."claimId" = c."id" AND r."verdict" IS NOT NULL));
    INSERT INTO "ClaimSearch" (rowid, "text")
        SELECT k."id", c."text" FROM "ClaimSearchKey" k JOIN "Claim" c ON c."id" = k."claimId" WHERE k."claimId" = new."claimId";
    -- Matches offering a claim that is no longer a candidate would show a verdict that no longer stands.
    DELETE FROM "ClaimMatch" WHERE "matchedClaimId" = new."claimId" AND NOT EXISTS (SELECT 1 FROM "ClaimSearchKey" WHERE "claimId" = new."claimId");
END;

CREATE TRIGGER "ClaimSearch_review_delete" AFTER DELETE ON "Review" WHEN old."verdict" IS NOT NULL BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid IN (SELECT "id" FROM "ClaimSearchKey" WHERE "claimId" = old."claimId");
    DELETE FROM "ClaimSearchKey" WHERE "claimId" = old."claimId";
    INSERT INTO "ClaimSearchKey" ("claimId")
        SELECT c."id" FROM "Claim" c WHERE c."id" = old."claimId"
        AND c."state" NOT IN ('dismissed', 'orphaned') AND NOT (c."state" = 'in_review' AND c."anchorStatus" = 'changed')
        AND (c."approvedReviewId" IS NOT NULL OR EXISTS (SELECT 1 FROM "Review" r WHERE r."claimId" = c."id" AND r."verdict" IS NOT NULL));
    INSERT INTO "ClaimSearch" (rowid, "text")
        SELECT k."id", c."text" FROM "ClaimSearchKey" k JOIN "Claim" c ON c."id" = k."claimId" WHERE k."claimId" = old."claimId";
    -- Matches offering a claim that is no longer a candidate would show a verdict that no longer stands.
    DELETE FROM "ClaimMatch" WHERE "matchedClaimId" = old."claimId" AND NOT EXISTS (SELECT 1 FROM "ClaimSearchKey" WHERE "claimId" = old."claimId");
END;

-- Claims already checked before this migration.
INSERT INTO "ClaimSearchKey" ("claimId")
    SELECT c."id" FROM "Claim" c WHERE c."state" NOT IN ('dismissed', 'orphaned') AND NOT (c."state" = 'in_review' AND c."anchorStatus" = 'changed')
        AND (c."approvedReviewId" IS NOT NULL OR EXISTS (SELECT 1 FROM "Review" r WHERE r."claimId" = c."id" AND r."verdict" IS NOT NULL));
INSERT INTO "ClaimSearch" (rowid, "text")
    SELECT k."id", c."text" FROM "ClaimSearchKey" k JOIN "Claim" c ON c."id" = k."claimId";
