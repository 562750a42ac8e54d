-- The `simple` full-text vector of a known fact-check's terms is no longer read: matchClaim finds its candidates
-- through the postings (KnownFactCheckTerm, migration 20261130171919; decision 0019 "Speed"). Its trigger, index
-- and column go, so writing a known fact-check no longer maintains it.
DROP TRIGGER factdesk_known_fact_check_terms ON "KnownFactCheck";
DROP FUNCTION factdesk_known_fact_check_terms();

-- DropIndex
DROP INDEX "KnownFactCheck_termsVector_idx";

-- AlterTable
ALTER TABLE "KnownFactCheck" DROP COLUMN "termsVector";
