// Fills the bench database with 100,000 articles, so the article list is measured at newsroom-archive
// scale: the first page, a deep page reached by keyset cursor, and a title search.
import pg from "pg";
import { encodeCursor } from "../../app/articles/articles.server.ts";

export const archiveSize = 100_000;

/** Inserts `count` articles in one statement and returns a cursor pointing about 90% of the way down. */
export async function fillArchive(databaseUrl: string, count = archiveSize): Promise<{ deepCursor: string }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "Article" (id, title, body, "bodyHash", language, "importMethod", "importedById", "createdAt", "updatedAt")
       SELECT gen_random_uuid(), 'Arsip berita nomor ' || n || CASE WHEN n % 100 = 0 THEN ' banjir' ELSE '' END,
              'Isi arsip ' || n, 'bench-archive-' || n, CASE WHEN n % 3 = 0 THEN 'en' ELSE 'id' END, 'PASTE',
              (SELECT id FROM "User" ORDER BY "createdAt" LIMIT 1),
              now() - (n || ' minutes')::interval, now()
       FROM generate_series(1, $1::int) AS n`,
      [count],
    );
    await client.query(`ANALYZE "Article"`);
    const { rows } = await client.query<{ createdAt: Date; id: string }>(
      `SELECT "createdAt", id FROM "Article" ORDER BY "createdAt" DESC, id DESC OFFSET $1 LIMIT 1`,
      [Math.floor(count * 0.9)],
    );
    return { deepCursor: encodeCursor(rows[0]!) };
  } finally {
    await client.end();
  }
}
