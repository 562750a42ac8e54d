-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'VERDICT_PROPOSED';
