-- CreateEnum
CREATE TYPE "ClaimReviewFeedKind" AS ENUM ('URL', 'FILE');

-- CreateEnum
CREATE TYPE "ClaimReviewFeedRunStatus" AS ENUM ('RUNNING', 'OK', 'FAILED');

-- AlterEnum
ALTER TYPE "SourceKind" ADD VALUE 'FACT_CHECK';

-- DropIndex
DROP INDEX "KnownFactCheck_sourceId_idx";

-- AlterTable
ALTER TABLE "NewsroomSettings" ADD COLUMN     "matchLikelySameAt" DOUBLE PRECISION NOT NULL DEFAULT 0.45,
ADD COLUMN     "matchSuggestAt" DOUBLE PRECISION NOT NULL DEFAULT 0.15;

-- AlterTable
ALTER TABLE "Verdict" ADD COLUMN     "checkedBefore" JSONB;

-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "knownFactCheckId" TEXT;

-- AlterTable
ALTER TABLE "KnownFactCheck" DROP COLUMN "sourceId",
ADD COLUMN     "claimId" UUID,
ADD COLUMN     "factCheckId" UUID,
ADD COLUMN     "feedId" UUID;

-- CreateTable
CREATE TABLE "ClaimReviewFeed" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "ClaimReviewFeedKind" NOT NULL,
    "url" TEXT,
    "fileName" TEXT,
    "everyHours" INTEGER,
    "nextRunAt" TIMESTAMP(3),
    "lastRunAt" TIMESTAMP(3),
    "lastStatus" "ClaimReviewFeedRunStatus",
    "lastCounts" JSONB,
    "lastError" TEXT,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClaimReviewFeed_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "KnownFactCheck_feedId_idx" ON "KnownFactCheck"("feedId");

-- CreateIndex
CREATE INDEX "KnownFactCheck_factCheckId_idx" ON "KnownFactCheck"("factCheckId");

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_knownFactCheckId_fkey" FOREIGN KEY ("knownFactCheckId") REFERENCES "KnownFactCheck"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimReviewFeed" ADD CONSTRAINT "ClaimReviewFeed_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KnownFactCheck" ADD CONSTRAINT "KnownFactCheck_feedId_fkey" FOREIGN KEY ("feedId") REFERENCES "ClaimReviewFeed"("id") ON DELETE CASCADE ON UPDATE CASCADE;
