// `npm run db:migrate`: applies pending migrations from prisma/migrations to DATABASE_URL, recording
// them in `_prisma_migrations` as `prisma migrate deploy` would (see app/db/migrate.server.ts).
import { applyMigrations } from "../app/db/migrate.server.ts";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set. Example: DATABASE_URL=postgresql://user@localhost:5432/factdesk npm run db:migrate");
  process.exit(1);
}

try {
  const { applied } = await applyMigrations(url, {
    log: (line) => {
      if (!line.startsWith("INFO ")) console.error(line);
    },
  });
  if (applied.length === 0) console.log("Database is up to date: no pending migrations.");
  else console.log(`Applied ${applied.length} migration(s):\n${applied.map((name) => `  ${name}`).join("\n")}`);
} catch (error) {
  console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
