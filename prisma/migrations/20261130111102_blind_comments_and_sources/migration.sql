-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "blind" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "blind" BOOLEAN NOT NULL DEFAULT false;
