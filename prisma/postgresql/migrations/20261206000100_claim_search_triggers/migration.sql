-- PostgreSQL's twin of what SQLite's 20261205000000_claim_matches migration does by raw SQL: the
-- claims a new claim may be matched to (lib/matching) are kept in "ClaimSearch" (the init migration
-- creates it from prisma/postgresql/only-postgresql.prisma, with its GIN index) by triggers, so every
-- way a claim changes (edit, split, merge, dismiss, re-anchor, review, approval, restore) keeps the
-- index right without each verb knowing of it. The rules are SQLite's, word for word: a candidate
-- has a review with a verdict or an approved verdict, and is neither dismissed nor orphaned, nor
-- back in review because a new revision changed its words.
--
-- The document is to_tsvector('simple', unaccent(text)): no stemming, diacritics removed, as FTS5's
-- unicode61 remove_diacritics tokenizer indexes; matching asks for each word's inflections itself.
-- unaccent is a trusted extension (PostgreSQL 13+): the database's owner may create it.
CREATE EXTENSION IF NOT EXISTS unaccent;

-- The one place that decides whether a claim is indexed: removes its row and adds it back when it is
-- still a candidate; matches offering a claim that is no longer one would show a verdict that no
-- longer stands, so they go too.
CREATE FUNCTION "ClaimSearch_refresh"(claim_id TEXT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM "ClaimSearch" WHERE "claimId" = claim_id;
    INSERT INTO "ClaimSearch" ("claimId", "text", "document")
        SELECT c."id", c."text", to_tsvector('simple', unaccent(c."text")) FROM "Claim" c WHERE c."id" = claim_id
        AND c."state" NOT IN ('dismissed', 'orphaned') AND NOT (c."state" = 'in_review' AND c."anchorStatus" = 'changed')
        AND (c."approvedReviewId" IS NOT NULL OR EXISTS (SELECT 1 FROM "Review" r WHERE r."claimId" = c."id" AND r."verdict" IS NOT NULL));
    DELETE FROM "ClaimMatch" WHERE "matchedClaimId" = claim_id AND NOT EXISTS (SELECT 1 FROM "ClaimSearch" WHERE "claimId" = claim_id);
END
$$;

CREATE FUNCTION "ClaimSearch_on_claim"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        -- ClaimMatch rows go by their foreign keys' cascade; only the index row has none.
        DELETE FROM "ClaimSearch" WHERE "claimId" = OLD."id";
        RETURN NULL;
    END IF;
    -- A claim whose words changed is matched again (on import, or when it is opened): its stored
    -- matches, either way, were judged on words it no longer has.
    IF TG_OP = 'UPDATE' AND OLD."text" IS DISTINCT FROM NEW."text" THEN
        DELETE FROM "ClaimMatch" WHERE "claimId" = NEW."id" OR "matchedClaimId" = NEW."id";
    END IF;
    PERFORM "ClaimSearch_refresh"(NEW."id");
    RETURN NULL;
END
$$;

CREATE FUNCTION "ClaimSearch_on_review"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM "ClaimSearch_refresh"(OLD."claimId");
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND (TG_OP = 'INSERT' OR OLD."claimId" IS DISTINCT FROM NEW."claimId") THEN
        PERFORM "ClaimSearch_refresh"(NEW."claimId");
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER "ClaimSearch_claim_insert" AFTER INSERT ON "Claim"
    FOR EACH ROW EXECUTE FUNCTION "ClaimSearch_on_claim"();

CREATE TRIGGER "ClaimSearch_claim_update" AFTER UPDATE OF "text", "state", "approvedReviewId", "anchorStatus" ON "Claim"
    FOR EACH ROW WHEN (OLD."text" IS DISTINCT FROM NEW."text" OR OLD."state" IS DISTINCT FROM NEW."state"
        OR OLD."approvedReviewId" IS DISTINCT FROM NEW."approvedReviewId" OR OLD."anchorStatus" IS DISTINCT FROM NEW."anchorStatus")
    EXECUTE FUNCTION "ClaimSearch_on_claim"();

CREATE TRIGGER "ClaimSearch_claim_delete" AFTER DELETE ON "Claim"
    FOR EACH ROW EXECUTE FUNCTION "ClaimSearch_on_claim"();

CREATE TRIGGER "ClaimSearch_review_insert" AFTER INSERT ON "Review"
    FOR EACH ROW WHEN (NEW."verdict" IS NOT NULL) EXECUTE FUNCTION "ClaimSearch_on_review"();

CREATE TRIGGER "ClaimSearch_review_update" AFTER UPDATE OF "verdict", "claimId" ON "Review"
    FOR EACH ROW WHEN (OLD."verdict" IS DISTINCT FROM NEW."verdict" OR OLD."claimId" IS DISTINCT FROM NEW."claimId")
    EXECUTE FUNCTION "ClaimSearch_on_review"();

CREATE TRIGGER "ClaimSearch_review_delete" AFTER DELETE ON "Review"
    FOR EACH ROW WHEN (OLD."verdict" IS NOT NULL) EXECUTE FUNCTION "ClaimSearch_on_review"();

-- Claims already checked before this migration (none on a new database; a restore writes through
-- the triggers).
SELECT "ClaimSearch_refresh"("id") FROM "Claim";
