-- AlterTable
ALTER TABLE "NewsroomSettings" ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'UTC';
