// Before the end-to-end tests: a fresh migrated database with the demo newsroom, and the production
// build of the app serving it (started as `npm start` would, but on DATABASE_URL).
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../app/db/migrate.server";
import { startApp } from "../support/app-server";
import { assertServerReachable, createDatabase, dropDatabase } from "../support/postgres";

const database = `factdesk_e2e_${process.pid}`;

export default async function setup(project: TestProject) {
  await assertServerReachable();
  const databaseUrl = await createDatabase(database);
  await applyMigrations(databaseUrl);
  const app = await startApp({ DATABASE_URL: databaseUrl, SEED_DEMO: "1" });
  project.provide("appUrl", app.baseUrl);
  project.provide("appDatabaseUrl", databaseUrl);
  return async () => {
    await app.stop();
    await dropDatabase(database);
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    appUrl: string;
    appDatabaseUrl: string;
  }
}
