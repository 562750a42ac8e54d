// Each test file runs on its own copy of the migrated template database.
import { afterAll, inject } from "vitest";
import { disconnectDatabase } from "~/db/client.server";
import { reloadServerEnv } from "~/utils/env.server";
import { createDatabase, dropDatabase } from "../support/postgres";

const name = `factdesk_test_${process.pid}_${process.env.VITEST_POOL_ID ?? "0"}`;
process.env.DATABASE_URL = await createDatabase(name, { template: inject("templateDatabase") });
reloadServerEnv();

afterAll(async () => {
  await disconnectDatabase();
  await dropDatabase(name);
});
