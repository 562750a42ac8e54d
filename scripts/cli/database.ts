// The configured database for a command: DATABASE_URL, or else the embedded database in DATA_DIR (refused while
// a running Factdesk holds it), migrated. `withConfiguredDatabase` closes everything it opened afterwards.
import path from "node:path";
import { disconnectDatabase } from "../../app/db/client.server.ts";
import { EmbeddedDatabaseInUse, startEmbeddedDatabase } from "../../app/db/embedded.server.ts";
import { applyMigrations } from "../../app/db/migrate.server.ts";
import { stopLiveBus } from "../../app/live/bus.server.ts";
import { adoptEmbeddedDatabase, serverEnv } from "../../app/utils/env.server.ts";
import { usageError } from "./arguments.ts";

export async function withConfiguredDatabase<T>(work: () => Promise<T>): Promise<T> {
  const env = serverEnv();
  let embedded: Awaited<ReturnType<typeof startEmbeddedDatabase>> | null = null;
  if (!env.DATABASE_URL) {
    try {
      embedded = await startEmbeddedDatabase({ dataDir: path.resolve(env.DATA_DIR) });
    } catch (error) {
      if (error instanceof EmbeddedDatabaseInUse) throw usageError(error.message);
      throw error;
    }
    adoptEmbeddedDatabase(embedded.url);
    await applyMigrations(embedded.url);
  }
  try {
    return await work();
  } finally {
    await stopLiveBus();
    await disconnectDatabase();
    await embedded?.stop();
  }
}
