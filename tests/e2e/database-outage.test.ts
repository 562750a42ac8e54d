// PostgreSQL stalls (a network partition, a frozen server): desk requests fail within the configured
// time limit with the "database unavailable, nothing was saved" page in the reader's language — 503, never a
// generic 500 and never a request hanging for the whole stall — and the desk recovers when the database does.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleFactCheckSlug } from "~/demo/published";
import { demoPassword } from "~/demo/seed.server";
import { applyMigrations } from "~/db/migrate.server";
import { type RunningApp, startApp } from "../support/app-server";
import { Visitor } from "../support/http";
import { createDatabase, dropDatabase, withClient } from "../support/postgres";
import { type StallingProxy, startStallingProxy } from "../support/stalling-proxy";

const name = `factdesk_outage_${process.pid}`;
/** The configured limit for the app under test (DATABASE_TIMEOUT_MS); the default is 10 s. */
const timeoutMs = 1_500;
/** If the app never answers, the stall ends here, and the late answer (a 200) fails the test. */
const giveUpMs = 45_000;

let app: RunningApp;
let proxy: StallingProxy;
let databaseUrl: string;

beforeAll(async () => {
  databaseUrl = await createDatabase(name);
  await applyMigrations(databaseUrl);
  proxy = await startStallingProxy(databaseUrl);
  app = await startApp({ DATABASE_URL: proxy.url, SEED_DEMO: "1", DATABASE_TIMEOUT_MS: String(timeoutMs) });
});

afterAll(async () => {
  proxy?.resume();
  await app?.stop();
  await proxy?.close();
  await dropDatabase(name);
});

/** Runs `request` with the database stalled, and lets the database go only after the answer arrived. */
async function duringStall(request: () => Promise<Response>) {
  proxy.stall();
  const safety = setTimeout(() => proxy.resume(), giveUpMs);
  try {
    const response = await request();
    const body = await response.text();
    return { response, body };
  } finally {
    clearTimeout(safety);
    proxy.resume();
  }
}

const articleCount = () => withClient(databaseUrl, async (client) => (await client.query(`SELECT count(*)::int AS n FROM "Article"`)).rows[0].n as number);

describe("with PostgreSQL stalled", () => {
  it("a desk page answers 503 with the database-unavailable page, then works again once the database is back", async () => {
    const editor = new Visitor(app.baseUrl);
    await editor.login("editor@example.org", demoPassword);
    expect((await editor.get("/dashboard")).status).toBe(200);

    const { response, body } = await duringStall(() => editor.get("/dashboard"));
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("30");
    expect(body).toContain("The database is unavailable");
    expect(body).toContain("nothing was saved");
    expect(body).not.toContain("An unexpected error occurred");

    expect((await editor.get("/dashboard")).status).toBe(200);
  });

  it("a published fact-check not yet in memory answers 503 in the reader's language, not 500", async () => {
    const reader = new Visitor(app.baseUrl, { "Accept-Language": "id" });
    const { response, body } = await duringStall(() => reader.get(`/fact-checks/${sampleFactCheckSlug}`));
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("30");
    expect(body).toContain("Basis data tidak tersedia");
    expect((await reader.get(`/fact-checks/${sampleFactCheckSlug}`)).status).toBe(200);
  });

  it("speaks Indonesian to an Indonesian reader, signed in or not", async () => {
    const visitor = new Visitor(app.baseUrl, { "Accept-Language": "id-ID,id;q=0.9" });
    const { response, body } = await duringStall(() => visitor.get("/login"));
    expect(response.status).toBe(503);
    expect(body).toContain('lang="id"');
    expect(body).toContain("Basis data tidak tersedia");
    expect(body).toContain("tidak ada yang disimpan");
  });

  it("a client-side navigation (.data) gets the 503 as a route error, not a sanitised 500", async () => {
    const editor = new Visitor(app.baseUrl);
    await editor.login("editor@example.org", demoPassword);
    const { response, body } = await duringStall(() => editor.get("/articles.data"));
    expect(response.status).toBe(503);
    expect(body).toContain("database_unavailable");
    expect(response.headers.get("Retry-After")).toBe("30");
    expect(body).not.toContain("Unexpected Server Error");
  });

  it("a form posted during the stall is refused with 503 and saves nothing", async () => {
    const editor = new Visitor(app.baseUrl);
    await editor.login("editor@example.org", demoPassword);
    const before = await articleCount();
    const { response, body } = await duringStall(() =>
      editor.post("/articles/new", {
        source: "paste",
        title: "Written during an outage",
        body: "The minister said on Monday that 4,000 new classrooms were built last year. Critics disputed the figure.",
      }),
    );
    expect(response.status).toBe(503);
    expect(body).toContain("nothing was saved");
    // The stall is over: whatever the proxy held back has reached the server by now.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await articleCount()).toBe(before);
    expect((await editor.get("/articles")).status).toBe(200);
  });
});
