-- CreateEnum
CREATE TYPE "KnownFactCheckSource" AS ENUM ('OWN', 'FEED');

-- CreateTable
CREATE TABLE "KnownFactCheck" (
    "id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "claimReviewed" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "rating" TEXT NOT NULL,
    "datePublished" DATE NOT NULL,
    "source" "KnownFactCheckSource" NOT NULL,
    "sourceId" TEXT,
    "terms" TEXT NOT NULL,
    "termsVector" tsvector,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KnownFactCheck_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "KnownFactCheck_url_key" ON "KnownFactCheck"("url");

-- CreateIndex
CREATE INDEX "KnownFactCheck_termsVector_idx" ON "KnownFactCheck" USING GIN ("termsVector");

-- CreateIndex
CREATE INDEX "KnownFactCheck_terms_idx" ON "KnownFactCheck" USING GIN ("terms" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "KnownFactCheck_language_idx" ON "KnownFactCheck"("language");

-- CreateIndex
CREATE INDEX "KnownFactCheck_sourceId_idx" ON "KnownFactCheck"("sourceId");

-- Written by hand (schema.prisma cannot express generated columns or triggers), named factdesk_* so the schema
-- test knows: the full-text vector follows `terms` whoever writes the row.
CREATE FUNCTION factdesk_known_fact_check_terms() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."termsVector" := to_tsvector('simple', NEW."terms");
  RETURN NEW;
END;
$$;

CREATE TRIGGER factdesk_known_fact_check_terms
  BEFORE INSERT OR UPDATE OF "terms" ON "KnownFactCheck"
  FOR EACH ROW EXECUTE FUNCTION factdesk_known_fact_check_terms();
