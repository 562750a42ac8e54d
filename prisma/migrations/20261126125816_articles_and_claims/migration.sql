-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- AlterTable
ALTER TABLE "ClaimSuggestion" ADD COLUMN     "acceptedAt" TIMESTAMP(3),
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'sentence';

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "mergedIntoId" UUID;

-- CreateIndex
CREATE INDEX "Article_title_idx" ON "Article" USING GIN ("title" gin_trgm_ops);
