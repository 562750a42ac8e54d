// The migration that settled "withdraw" (20261130143000_withdraw_names) keeps what was there: a fact-check
// withdrawn under the old names stays withdrawn, with its time, reason and editor, and the audit rows
// already written read as withdrawals — while the audit log's append-only guard is back on afterwards.
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, defaultMigrationsDir } from "~/db/migrate.server";
import { createDatabase, dropDatabase, withClient } from "../support/postgres";

const migration = "20261130143000_withdraw_names";
const dbName = `factdesk_mig_withdraw_${process.pid}`;
let url = "";
let before = "";

beforeAll(async () => {
  url = await createDatabase(dbName);
  // Every migration before this one, as a database upgraded from an earlier version has them.
  before = await mkdtemp(path.join(tmpdir(), "factdesk-migrations-"));
  for (const entry of await readdir(defaultMigrationsDir, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name >= migration) continue;
    await cp(path.join(defaultMigrationsDir, entry.name), path.join(before, entry.name), { recursive: true });
  }
  await applyMigrations(url, { migrationsDir: before });
}, 120_000);

afterAll(async () => {
  await dropDatabase(dbName);
  if (before) await rm(before, { recursive: true, force: true });
}, 60_000);

describe("the withdraw_names migration", () => {
  it("keeps a withdrawn fact-check withdrawn and renames what the audit log recorded", async () => {
    const withdrawnAt = new Date("2026-11-01T08:00:00Z");
    await withClient(url, async (client) => {
      const { rows: roles } = await client.query<{ id: string }>(`SELECT id FROM "Role" WHERE name = 'editor'`);
      const { rows: users } = await client.query<{ id: string }>(
        `INSERT INTO "User" (id, email, name, "passwordHash", "roleId", "updatedAt")
         VALUES (gen_random_uuid(), 'editor@example.org', 'Editor', 'x', $1, now()) RETURNING id`,
        [roles[0]!.id],
      );
      const editor = users[0]!.id;
      const { rows: articles } = await client.query<{ id: string }>(
        `INSERT INTO "Article" (id, title, body, "bodyHash", language, "importMethod", "importedById", "updatedAt")
         VALUES (gen_random_uuid(), 'A', 'Body', 'hash', 'id', 'PASTE', $1, now()) RETURNING id`,
        [editor],
      );
      const { rows: factChecks } = await client.query<{ id: string }>(
        `INSERT INTO "FactCheck" (id, "articleId", slug, language, headline, summary, status, "unpublishedAt", "unpublishReason", "unpublishedById")
         VALUES (gen_random_uuid(), $1, 'a', 'id', 'A', 'S', 'UNPUBLISHED', $2, 'Satire.', $3) RETURNING id`,
        [articles[0]!.id, withdrawnAt, editor],
      );
      const factCheck = factChecks[0]!.id;
      await client.query(
        `INSERT INTO "AuditEvent" ("actorId", action, "entityType", "entityId", before, after) VALUES
         ($1, 'factcheck.publish', 'FactCheck', $2, NULL, '{"slug":"a","version":1}'),
         ($1, 'factcheck.unpublish', 'FactCheck', $2, '{"status":"PUBLISHED"}', '{"status":"UNPUBLISHED","reason":"Satire."}'),
         ($1, 'factcheck.republish', 'FactCheck', $2, '{"status":"UNPUBLISHED","version":1}', '{"version":2}')`,
        [editor, factCheck],
      );
    });

    // This migration next, and only it (later ones are not its concern).
    await cp(path.join(defaultMigrationsDir, migration), path.join(before, migration), { recursive: true });
    expect(await applyMigrations(url, { migrationsDir: before })).toEqual({ applied: [migration] });

    await withClient(url, async (client) => {
      const { rows: factChecks } = await client.query(
        `SELECT status::text, "withdrawnAt", "withdrawalReason", "withdrawnById" IS NOT NULL AS "byWhom" FROM "FactCheck"`,
      );
      expect(factChecks).toEqual([{ status: "WITHDRAWN", withdrawnAt, withdrawalReason: "Satire.", byWhom: true }]);
      const { rows: audit } = await client.query(`SELECT action, before, after FROM "AuditEvent" ORDER BY id`);
      expect(audit).toEqual([
        { action: "factcheck.publish", before: null, after: { slug: "a", version: 1 } },
        { action: "factcheck.withdraw", before: { status: "PUBLISHED" }, after: { status: "WITHDRAWN", reason: "Satire." } },
        { action: "factcheck.republish", before: { status: "WITHDRAWN", version: 1 }, after: { version: 2 } },
      ]);
      const { rows: guard } = await client.query(`SELECT tgenabled FROM pg_trigger WHERE tgname = 'factdesk_audit_append_only'`);
      expect(guard).toEqual([{ tgenabled: "O" }]);
      await expect(client.query(`UPDATE "AuditEvent" SET action = 'x'`)).rejects.toThrow(/append-only/);
    });
  });
});
