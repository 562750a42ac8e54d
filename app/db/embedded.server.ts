// The embedded PostgreSQL (PGlite, PostgreSQL compiled to WebAssembly) that Factdesk runs on when no
// DATABASE_URL is given. It is served over the real PostgreSQL wire protocol on a loopback port, so
// everything above the connection (Prisma, pg, the migration runner) is the same code as on a real server.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedDatabase = { url: string; dataDir: string; stop: () => Promise<void> };

export async function startEmbeddedDatabase(options: { dataDir: string; port?: number }): Promise<EmbeddedDatabase> {
  mkdirSync(options.dataDir, { recursive: true });
  const db = await PGlite.create(options.dataDir);
  // PGlite runs one query stream; the socket server queues clients and keeps a transaction on the
  // connection that opened it. The app pool uses a single connection; the rest are for tools.
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: options.port ?? 0, maxConnections: 10 });
  await server.start();
  const url = `postgresql://postgres@${server.getServerConn()}/postgres?sslmode=disable`;
  return {
    url,
    dataDir: options.dataDir,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
