// /healthz reports the database; when the database becomes unreachable it answers 503, and the app
// recovers on its own when the database is back. The outage is real: the app reaches PostgreSQL through
// a TCP relay that the test cuts and restores.
import net from "node:net";
import { afterAll, describe, expect, inject, it } from "vitest";
import { type RunningApp, startApp } from "../support/app-server";

class Relay {
  private server: net.Server | undefined;
  private sockets = new Set<net.Socket>();
  port = 0;
  constructor(private readonly target: { host: string; port: number }) {}

  async open() {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on("close", () => this.sockets.delete(socket));
        socket.on("error", () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, "127.0.0.1", resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  async cut() {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }
}

async function health(app: RunningApp) {
  const response = await fetch(`${app.baseUrl}/healthz`);
  return { status: response.status, body: (await response.json()) as { status: string; database: { up: boolean } } };
}

let app: RunningApp | undefined;
let relay: Relay | undefined;
afterAll(async () => {
  await app?.stop();
  await relay?.cut();
});

describe("health", () => {
  it("answers 503 while the database is unreachable and recovers by itself", async () => {
    const database = new URL(inject("appDatabaseUrl"));
    relay = new Relay({ host: database.hostname, port: Number(database.port || 5432) });
    await relay.open();
    database.host = `127.0.0.1:${relay.port}`;
    app = await startApp({ DATABASE_URL: database.toString(), SEED_DEMO: "0" });

    expect(await health(app)).toEqual({ status: 200, body: { status: "ok", database: expect.objectContaining({ up: true }) } });

    await relay.cut();
    const down = await health(app);
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: "unavailable", database: { up: false } });
    // The rest of the app says so too, instead of hanging: 503, the database-unavailable page (0013).
    const page = await fetch(`${app.baseUrl}/login`);
    expect(page.status).toBe(503);
    expect(await page.text()).toContain("The database is unavailable");

    await relay.open();
    await expect.poll(async () => (await health(app!)).status, { timeout: 15_000, interval: 250 }).toBe(200);
    expect((await fetch(`${app.baseUrl}/login`)).status).toBe(200);
  });
});
