// The embedded PostgreSQL (PGlite, PostgreSQL compiled to WebAssembly) that Factdesk runs on when no
// DATABASE_URL is given. It is served over the real PostgreSQL wire protocol on a loopback port, so
// everything above the connection (Prisma, pg, the migration runner) is the same code as on a real server.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedDatabase = { url: string; dataDir: string; stop: () => Promise<void> };

export class EmbeddedDatabaseInUse extends Error {}

/**
 * One process at a time may open the data folder (PGlite has no multi-process locking of its own):
 * a second one is refused with the first one's pid, instead of corrupting the data.
 */
function lockDataDir(dataDir: string) {
  // Beside the folder, not in it: PostgreSQL wants its data folder to itself.
  const lockFile = `${path.resolve(dataDir)}.pid`;
  try {
    const pid = Number(readFileSync(lockFile, "utf8"));
    if (pid && pid !== process.pid && isRunning(pid)) {
      throw new EmbeddedDatabaseInUse(
        `The embedded database in ${dataDir} is in use by another Factdesk process (pid ${pid}). Stop it, or set DATABASE_URL.`,
      );
    }
  } catch (error) {
    if (error instanceof EmbeddedDatabaseInUse) throw error;
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

function isRunning(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export async function startEmbeddedDatabase(options: { dataDir: string; port?: number }): Promise<EmbeddedDatabase> {
  mkdirSync(options.dataDir, { recursive: true });
  const unlock = lockDataDir(options.dataDir);
  const db = await PGlite.create(options.dataDir, { extensions: { pg_trgm } });
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
      unlock();
    },
  };
}
