-- CreateEnum
CREATE TYPE "FactCheckStatus" AS ENUM ('PUBLISHED', 'UNPUBLISHED');

-- CreateTable
CREATE TABLE "FactCheck" (
    "id" UUID NOT NULL,
    "articleId" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "status" "FactCheckStatus" NOT NULL DEFAULT 'PUBLISHED',
    "currentVersion" INTEGER NOT NULL DEFAULT 1,
    "language" TEXT NOT NULL,
    "headline" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "searchVector" tsvector,
    "firstPublishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastPublishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "unpublishedAt" TIMESTAMP(3),
    "unpublishReason" TEXT,
    "unpublishedById" UUID,

    CONSTRAINT "FactCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FactCheckVersion" (
    "id" UUID NOT NULL,
    "factCheckId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "headline" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "methodology" TEXT NOT NULL,
    "correctionNote" TEXT,
    "content" JSONB NOT NULL,
    "publishedById" UUID NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FactCheckVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "FactCheck_articleId_key" ON "FactCheck"("articleId");

-- CreateIndex
CREATE UNIQUE INDEX "FactCheck_slug_key" ON "FactCheck"("slug");

-- CreateIndex
CREATE INDEX "FactCheck_status_firstPublishedAt_idx" ON "FactCheck"("status", "firstPublishedAt");

-- CreateIndex
CREATE INDEX "FactCheck_searchVector_idx" ON "FactCheck" USING GIN ("searchVector");

-- CreateIndex
CREATE UNIQUE INDEX "FactCheckVersion_factCheckId_version_key" ON "FactCheckVersion"("factCheckId", "version");

-- AddForeignKey
ALTER TABLE "FactCheck" ADD CONSTRAINT "FactCheck_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FactCheck" ADD CONSTRAINT "FactCheck_unpublishedById_fkey" FOREIGN KEY ("unpublishedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FactCheckVersion" ADD CONSTRAINT "FactCheckVersion_factCheckId_fkey" FOREIGN KEY ("factCheckId") REFERENCES "FactCheck"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FactCheckVersion" ADD CONSTRAINT "FactCheckVersion_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Written by hand (schema.prisma cannot express triggers), named factdesk_* so the schema test knows.
-- A published version is what readers saw: it is never rewritten. A correction adds a version.
CREATE FUNCTION factdesk_refuse_published_version_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'published fact-check versions are immutable: % on "FactCheckVersion" is refused (publish a correction instead)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER factdesk_factcheck_version_immutable
  BEFORE UPDATE ON "FactCheckVersion"
  FOR EACH ROW EXECUTE FUNCTION factdesk_refuse_published_version_change();
