// End-to-end tests may read and prepare rows in the app's database directly (never mock it).
import { afterAll, inject } from "vitest";
import { disconnectDatabase } from "../../app/db/client.server";

process.env.DATABASE_URL = inject("appDatabaseUrl");

afterAll(async () => {
  await disconnectDatabase();
});
