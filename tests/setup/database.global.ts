// Before the unit and integration tests: one migrated template database; each test file then gets its
// own copy (tests/setup/database.worker.ts), so tests never see each other's rows.
import type { TestProject } from "vitest/node";
import { applyMigrations } from "~/db/migrate.server";
import { assertServerReachable, createDatabase, dropDatabase } from "../support/postgres";

const template = `factdesk_test_template_${process.pid}`;

export default async function setup(project: TestProject) {
  await assertServerReachable();
  const url = await createDatabase(template);
  await applyMigrations(url);
  project.provide("templateDatabase", template);
  return async () => {
    await dropDatabase(template);
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}
