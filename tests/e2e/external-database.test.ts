// DATABASE_URL: `npm run db:migrate` prepares the database, and the app runs on it. Demo accounts are
// never created there unless SEED_DEMO=1; the first visitor creates the first admin at /setup.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { projectRoot, type RunningApp, startApp } from "../support/app-server";
import { location, Visitor } from "../support/http";
import { createDatabase, dropDatabase, withClient } from "../support/postgres";

const run = promisify(execFile);
const name = `factdesk_external_${process.pid}`;
let app: RunningApp | undefined;

afterAll(async () => {
  await app?.stop();
  await dropDatabase(name);
});

async function migrate(databaseUrl: string) {
  return run(process.execPath, [path.join(projectRoot, "node_modules/tsx/dist/cli.mjs"), "scripts/db-migrate.ts"], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
}

describe("running on your own PostgreSQL", () => {
  it("refuses to start before migrations, migrates with npm run db:migrate, and seeds nothing", async () => {
    const url = await createDatabase(name);
    await expect(startApp({ DATABASE_URL: url, SEED_DEMO: undefined })).rejects.toThrow(/npm run db:migrate/);

    const first = await migrate(url);
    expect(first.stdout).toMatch(/Applied \d+ migration/);
    const second = await migrate(url);
    expect(second.stdout).toMatch(/up to date/i);

    app = await startApp({ DATABASE_URL: url, SEED_DEMO: undefined });
    const users = await withClient(url, (client) => client.query(`SELECT count(*)::int AS n FROM "User"`));
    expect(users.rows[0].n).toBe(0);
    const visitor = new Visitor(app.baseUrl);
    const login = await visitor.get("/login");
    expect(login.status).toBe(302);
    expect(location(login)).toBe("/setup");
    const setup = await visitor.post("/setup", {
      newsroomName: "Kabar Cek",
      defaultLanguage: "id",
      name: "Admin Pertama",
      email: "admin@kabarcek.example",
      password: "sandi-admin-pertama",
    });
    expect(setup.status).toBe(302);
    expect((await visitor.get("/admin/users")).status).toBe(200);
    expect((await new Visitor(app.baseUrl).get("/setup")).status).toBe(404);
  });
});
