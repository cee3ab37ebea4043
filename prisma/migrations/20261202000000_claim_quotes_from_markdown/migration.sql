-- Backfill every claim's stored quote (quoteExact, quotePrefix, quoteSuffix) from its revision's
-- Markdown at sourceStart/sourceEnd, as lib/anchoring/quote-selector.ts buildSelectors cuts it:
-- 32 UTF-16 units of context each side, one fewer where that would cut a surrogate pair. Claims
-- the pipeline extracted used to store a quote cut from the plain text (Markdown syntax removed)
-- beside offsets into the Markdown, and re-anchoring then lost every claim whose sentence held
-- bold, a link or inline code. Recomputing from the offsets is idempotent.
--
-- The offsets count UTF-16 units but SQLite substr counts characters: the two differ by one for
-- each character outside the Basic Multilingual Plane (an emoji, say) before the offset. Those
-- characters are found exactly in the UTF-8 bytes of the text, where they, and only they, start
-- with a byte F0 to F4 (instr on BLOBs counts bytes). For each one the steps below record its
-- UTF-16 offset, so every conversion is exact; a text with none (nearly all) costs five scans.

CREATE TEMP TABLE "_QuoteRevision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bytes" BLOB NOT NULL,
    "units" INTEGER NOT NULL
);

INSERT INTO "_QuoteRevision" ("id", "bytes", "units")
SELECT "id", CAST("text" AS BLOB), length("text")
FROM "Revision"
WHERE "id" IN (SELECT "revisionId" FROM "Claim");

-- The byte position (from 1) of each character outside the BMP: one search per lead byte value,
-- each step resuming after the previous hit.
CREATE TEMP TABLE "_QuoteAstralByte" (
    "revisionId" TEXT NOT NULL,
    "pos" INTEGER NOT NULL,
    PRIMARY KEY ("revisionId", "pos")
);

INSERT INTO "_QuoteAstralByte" ("revisionId", "pos")
WITH RECURSIVE
"lead" ("byte") AS (VALUES (x'F0'), (x'F1'), (x'F2'), (x'F3'), (x'F4')),
"hit" ("revisionId", "byte", "pos", "next") AS (
    SELECT r."id", l."byte", 0, instr(r."bytes", l."byte")
    FROM "_QuoteRevision" r CROSS JOIN "lead" l
    UNION ALL
    SELECT h."revisionId", h."byte", h."pos" + h."next", instr(substr(r."bytes", h."pos" + h."next" + 1), h."byte")
    FROM "hit" h JOIN "_QuoteRevision" r ON r."id" = h."revisionId"
    WHERE h."next" > 0
)
SELECT "revisionId", "pos" FROM "hit" WHERE "pos" > 0;

-- Its UTF-16 offset: the characters before it, plus one for each earlier character outside the BMP.
CREATE TEMP TABLE "_QuoteAstral" (
    "revisionId" TEXT NOT NULL,
    "unit" INTEGER NOT NULL,
    PRIMARY KEY ("revisionId", "unit")
);

INSERT INTO "_QuoteAstral" ("revisionId", "unit")
SELECT h."revisionId",
       length(CAST(substr(r."bytes", 1, h."pos" - 1) AS TEXT))
         + row_number() OVER (PARTITION BY h."revisionId" ORDER BY h."pos") - 1
FROM "_QuoteAstralByte" h JOIN "_QuoteRevision" r ON r."id" = h."revisionId";

-- The text's length in UTF-16 units: one more per character outside the BMP.
UPDATE "_QuoteRevision"
SET "units" = "units" + (SELECT count(*) FROM "_QuoteAstral" a WHERE a."revisionId" = "_QuoteRevision"."id");

-- Each claim's quote and context bounds as character offsets. A UTF-16 offset x is character
-- x - (characters outside the BMP starting before x), the character it falls inside when x splits
-- a pair; the prefix then starts one character later, the suffix ends there, as buildSelectors does.
CREATE TEMP TABLE "_QuoteClaim" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "revisionId" TEXT NOT NULL,
    "prefixFrom" INTEGER NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "suffixTo" INTEGER NOT NULL
);

INSERT INTO "_QuoteClaim" ("id", "revisionId", "prefixFrom", "start", "end", "suffixTo")
SELECT b."id", b."revisionId",
       b."from16" - (SELECT count(*) FROM "_QuoteAstral" a WHERE a."revisionId" = b."revisionId" AND a."unit" < b."from16")
                  + EXISTS (SELECT 1 FROM "_QuoteAstral" a WHERE a."revisionId" = b."revisionId" AND a."unit" = b."from16" - 1),
       b."start16" - (SELECT count(*) FROM "_QuoteAstral" a WHERE a."revisionId" = b."revisionId" AND a."unit" < b."start16"),
       b."end16" - (SELECT count(*) FROM "_QuoteAstral" a WHERE a."revisionId" = b."revisionId" AND a."unit" < b."end16"),
       b."to16" - (SELECT count(*) FROM "_QuoteAstral" a WHERE a."revisionId" = b."revisionId" AND a."unit" < b."to16")
FROM (
    SELECT c."id", c."revisionId", c."sourceStart" AS "start16", c."sourceEnd" AS "end16",
           max(0, c."sourceStart" - 32) AS "from16", min(r."units", c."sourceEnd" + 32) AS "to16"
    FROM "Claim" c
    JOIN "_QuoteRevision" r ON r."id" = c."revisionId"
    -- A span outside its text is left as it is rather than guessed at.
    WHERE 0 <= c."sourceStart" AND c."sourceStart" <= c."sourceEnd" AND c."sourceEnd" <= r."units"
) b;

UPDATE "Claim"
SET "quoteExact" = (
        SELECT substr(r."text", q."start" + 1, q."end" - q."start")
        FROM "_QuoteClaim" q JOIN "Revision" r ON r."id" = q."revisionId" WHERE q."id" = "Claim"."id"),
    "quotePrefix" = (
        SELECT substr(r."text", q."prefixFrom" + 1, q."start" - q."prefixFrom")
        FROM "_QuoteClaim" q JOIN "Revision" r ON r."id" = q."revisionId" WHERE q."id" = "Claim"."id"),
    "quoteSuffix" = (
        SELECT substr(r."text", q."end" + 1, q."suffixTo" - q."end")
        FROM "_QuoteClaim" q JOIN "Revision" r ON r."id" = q."revisionId" WHERE q."id" = "Claim"."id")
WHERE "id" IN (SELECT "id" FROM "_QuoteClaim");

DROP TABLE "_QuoteClaim";
DROP TABLE "_QuoteAstral";
DROP TABLE "_QuoteAstralByte";
DROP TABLE "_QuoteRevision";
