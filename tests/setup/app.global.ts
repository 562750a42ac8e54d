// Before the end-to-end tests: a fresh migrated database with the demo newsroom, and the production
// build of the app serving it (started as `npm start` would, but on DATABASE_URL).
import type { TestProject } from "vitest/node";
import { applyMigrations } from "~/db/migrate.server";
import { startApp } from "../support/app-server";
import { startPageServer } from "../support/page-server";
import { assertServerReachable, createDatabase, dropDatabase } from "../support/postgres";

const database = `factdesk_e2e_${process.pid}`;

export default async function setup(project: TestProject) {
  await assertServerReachable();
  const databaseUrl = await createDatabase(database);
  await applyMigrations(databaseUrl);
  // News sites for URL import live on this local server; the app may fetch from it (and only it) through
  // the explicit test-only allow-list, never by weakening the private-network refusal.
  const pages = await startPageServer();
  const app = await startApp({ DATABASE_URL: databaseUrl, SEED_DEMO: "1", FACTDESK_FETCH_ALLOW_PRIVATE: pages.hostPort });
  project.provide("appUrl", app.baseUrl);
  project.provide("pageServerUrl", pages.url);
  project.provide("appDatabaseUrl", databaseUrl);
  return async () => {
    await app.stop();
    await pages.close();
    await dropDatabase(database);
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    appUrl: string;
    appDatabaseUrl: string;
    pageServerUrl: string;
  }
}
