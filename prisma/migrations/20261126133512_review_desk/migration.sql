-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('ASSIGNMENT', 'MENTION', 'RETURN', 'APPROVAL');

-- AlterTable
ALTER TABLE "NewsroomSettings" ADD COLUMN     "blindSecondReview" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "recipientId" UUID NOT NULL,
    "actorId" UUID,
    "kind" "NotificationKind" NOT NULL,
    "claimId" UUID,
    "excerpt" TEXT,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Notification_recipientId_readAt_createdAt_idx" ON "Notification"("recipientId", "readAt", "createdAt");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ───────────── Data: the default rating scale (in the style of Tempo CekFakta) ─────────────
-- Values ascend with truthfulness, so ClaimReview's bestRating/worstRating are the scale's max/min.
WITH scale AS (
  INSERT INTO "RatingScale" ("id", "name", "active") VALUES (gen_random_uuid(), 'Tempo CekFakta (5)', true) RETURNING "id"
)
INSERT INTO "RatingLabel" ("id", "scaleId", "labelEn", "labelId", "value", "colour")
SELECT gen_random_uuid(), scale."id", label_en, label_id, value, colour
FROM scale, (VALUES
  ('False',           'Keliru',          1, '#b3261e'),
  ('Misleading',      'Menyesatkan',     2, '#c2570c'),
  ('Unproven',        'Tidak Terbukti',  3, '#6b6f76'),
  ('Partly true',     'Sebagian Benar',  4, '#a07800'),
  ('True',            'Benar',           5, '#1f6f3f')
) AS labels(label_en, label_id, value, colour);

-- ───────────── Guard: the audit log is append-only ─────────────
-- Written by hand (schema.prisma cannot express triggers), named factdesk_* so the schema test knows.
CREATE FUNCTION factdesk_refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only: % on "AuditEvent" is refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER factdesk_audit_append_only
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION factdesk_refuse_audit_change();

CREATE TRIGGER factdesk_audit_no_truncate
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION factdesk_refuse_audit_change();
