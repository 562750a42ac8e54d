// End-to-end tests may read and prepare rows in the app's database directly (never mock it).
import { afterAll, inject } from "vitest";
import { disconnectDatabase } from "~/db/client.server";
import { reloadServerEnv } from "~/utils/env.server";

process.env.DATABASE_URL = inject("appDatabaseUrl");
reloadServerEnv();

afterAll(async () => {
  await disconnectDatabase();
});
