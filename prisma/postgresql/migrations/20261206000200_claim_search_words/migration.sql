-- The claim search index (lib/matching/search-index-postgres.ts) made to find what SQLite's FTS5
-- finds, and safe when two transactions change one claim at once.
--
-- Words: FTS5's unicode61 tokenizer makes every run of letters and digits one word, and nothing else
-- a word; to_tsvector's parser keeps "4.2", "u.s" and "example.com" whole and adds "well-known" beside
-- "well" and "known". Matching asks for numbers by their digit runs ("4.2" is "4" and "2") and for
-- words as written, so with the parser's words a claim about 4.2% was not found by its figures, and
-- the test split of eval:matching lost a point of precision. The document is now built from the
-- runs unicode61 makes: lower case, diacritics removed (unaccent, as remove_diacritics), split on
-- anything that is not a letter or a digit. Words of 2,040 bytes or more are left out (a tsvector
-- refuses them, which would fail the claim's write).
--
-- Occurrences: BM25 needs how often each word occurs and the claim's length in words. A word's
-- first occurrence is the lexeme "word", its k-th "word~k" ('~' is in no word), so `@@` alone tells
-- how often a query word occurs and length(document) is the length FTS5 counts, both read without
-- unpacking the tsvector's positions (unnest costs some 50 µs a row; a query may score hundreds).
CREATE FUNCTION "ClaimSearch_document"(body TEXT) RETURNS tsvector LANGUAGE sql STABLE PARALLEL SAFE AS $$
    WITH words AS (
        SELECT u.w, LEAST(u.i, 16383) AS i, row_number() OVER (PARTITION BY u.w ORDER BY u.i) AS k
        FROM unnest(regexp_split_to_array(lower(unaccent(body)), '[^[:alnum:]]+')) WITH ORDINALITY AS u(w, i)
        WHERE u.w <> '' AND octet_length(u.w) < 2040)
    SELECT array_to_string(ARRAY(SELECT CASE WHEN k = 1 THEN w ELSE w || '~' || k END || ':' || i FROM words), ' ')::tsvector
$$;

-- Concurrency: the refresh deleted the claim's row and inserted it again, so of two transactions
-- refreshing one claim (two reviewers' first verdicts, an import beside a review) the second one's
-- insert met the first one's committed row and failed on the primary key. Now the row is upserted,
-- and the claim's row is locked first (FOR NO KEY UPDATE: a review's foreign-key lock does not wait
-- for it), so two refreshes of one claim run one after the other and the later sees the other's
-- committed state: a claim dismissed in one transaction while another adds a verdict ends out of
-- the index, as on SQLite, whose writers never overlap.
CREATE OR REPLACE FUNCTION "ClaimSearch_refresh"(claim_id TEXT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM "Claim" WHERE "id" = claim_id FOR NO KEY UPDATE;
    IF EXISTS (SELECT 1 FROM "Claim" c WHERE c."id" = claim_id
        AND c."state" NOT IN ('dismissed', 'orphaned') AND NOT (c."state" = 'in_review' AND c."anchorStatus" = 'changed')
        AND (c."approvedReviewId" IS NOT NULL OR EXISTS (SELECT 1 FROM "Review" r WHERE r."claimId" = c."id" AND r."verdict" IS NOT NULL))) THEN
        INSERT INTO "ClaimSearch" ("claimId", "text", "document")
            SELECT c."id", c."text", "ClaimSearch_document"(c."text") FROM "Claim" c WHERE c."id" = claim_id
        ON CONFLICT ("claimId") DO UPDATE SET "text" = EXCLUDED."text", "document" = EXCLUDED."document"
            WHERE "ClaimSearch"."text" IS DISTINCT FROM EXCLUDED."text";
    ELSE
        DELETE FROM "ClaimSearch" WHERE "claimId" = claim_id;
        -- Matches offering a claim that is no longer a candidate would show a verdict that no longer stands.
        DELETE FROM "ClaimMatch" WHERE "matchedClaimId" = claim_id;
    END IF;
END
$$;

UPDATE "ClaimSearch" SET "document" = "ClaimSearch_document"("text");
