-- The reading view's freshness check (lib/reading/read-reading-stamp.ts) takes MAX(updatedAt) over a
-- revision's claims on every request: with this index it reads the index alone, not every claim row.
CREATE INDEX "Claim_revisionId_updatedAt_idx" ON "Claim"("revisionId", "updatedAt");
