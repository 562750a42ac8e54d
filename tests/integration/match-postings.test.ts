// The postings matchClaim finds its candidates by (KnownFactCheckTerm, with each term's document frequency in
// KnownFactCheckTermCount) follow KnownFactCheck whoever writes it: inserts, a change of wording, deletes; and the
// same triggers and candidate query work on the embedded database (PGlite).
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "~/db/client.server";
import { startEmbeddedDatabase } from "~/db/embedded.server";
import { applyMigrations } from "~/db/migrate.server";
import { candidatesQuery, type KnownFactCheckInput, matchClaim, upsertKnownFactChecks } from "~/matching/match.server";
import { matchTerms } from "~/matching/terms";

const run = randomUUID().slice(0, 8);
/** An invented word of this run only (letters, so it stays one term), e.g. "zorvabcdx". */
const word = (stem: string) => `${stem}${run.replace(/\d/g, (digit) => "bcdfghjklm"[Number(digit)]!)}x`;

function review(slug: string, claimReviewed: string): KnownFactCheckInput {
  return {
    url: `https://cektetangga.example/postings/${run}/${slug}`,
    claimReviewed,
    language: "id",
    publisher: "Cek Tetangga",
    rating: "Salah",
    datePublished: new Date("2025-03-01T00:00:00Z"),
    source: "feed",
  };
}

async function postingsOf(url: string) {
  const rows = await prisma.$queryRaw<{ term: string }[]>`
    SELECT p.term FROM "KnownFactCheckTerm" p JOIN "KnownFactCheck" k ON k.id = p."knownFactCheckId"
    WHERE k.url = ${url} AND p.language = 'id' ORDER BY p.term`;
  return rows.map((row) => row.term);
}

async function reviewsWith(term: string) {
  const rows = await prisma.$queryRaw<{ reviews: number }[]>`
    SELECT reviews FROM "KnownFactCheckTermCount" WHERE language = 'id' AND term = ${term}`;
  return rows[0]?.reviews ?? 0;
}

describe("the postings of known fact-checks", () => {
  const oldWord = word("gajahterbang");
  const newWord = word("kudanil");
  const twinWord = word("burungbesi");
  const text = `Foto ${oldWord} ${twinWord} beredar di Palangkaraya`;
  const reworded = `Foto ${newWord} ${twinWord} beredar di Palangkaraya`;
  const first = review("first", text);
  const twin = review("twin", `Video ${twinWord} viral di Kupang`);

  it("follow an insert: one posting per distinct term, each term counted once per review", async () => {
    await upsertKnownFactChecks([first, twin]);
    expect(await postingsOf(first.url)).toEqual([...new Set(matchTerms(text, "id"))].sort());
    expect(await reviewsWith(oldWord)).toBe(1);
    expect(await reviewsWith(twinWord)).toBe(2);
    const [best] = await matchClaim(`Beredar foto ${oldWord} ${twinWord} di Palangkaraya`, { language: "id" });
    expect(best?.url).toBe(first.url);
  });

  it("follow a change of wording: the review is found by its new words only", async () => {
    await upsertKnownFactChecks([{ ...first, claimReviewed: reworded }]);
    const postings = await postingsOf(first.url);
    expect(postings).toContain(newWord);
    expect(postings).not.toContain(oldWord);
    expect(await reviewsWith(oldWord)).toBe(0);
    expect(await reviewsWith(newWord)).toBe(1);
    expect(await reviewsWith(twinWord)).toBe(2);
    expect((await matchClaim(`${newWord} terlihat`, { language: "id" })).map((match) => match.url)).toContain(first.url);
    expect((await matchClaim(`${oldWord} terlihat`, { language: "id" })).map((match) => match.url)).not.toContain(first.url);
  });

  it("leave nothing of a deleted review, and it is no longer matched", async () => {
    await prisma.knownFactCheck.delete({ where: { url: first.url }, select: { id: true } });
    expect(await postingsOf(first.url)).toEqual([]);
    const left = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "KnownFactCheckTerm" p WHERE p.term = ${newWord}`;
    expect(left[0]!.n).toBe(0);
    expect(await reviewsWith(newWord)).toBe(0);
    expect(await reviewsWith(twinWord)).toBe(1);
    const urls = (await matchClaim(`Foto ${newWord} ${twinWord} beredar di Palangkaraya`, { language: "id" })).map((match) => match.url);
    expect(urls).not.toContain(first.url);
    expect(urls).toContain(twin.url);
  });
});

describe("on the embedded database (PGlite)", () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "factdesk-postings-"));
  let stop: (() => Promise<void>) | undefined;
  afterAll(async () => {
    await stop?.();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("keeps the postings by the same triggers, and the candidate query finds a review by them", async () => {
    const embedded = await startEmbeddedDatabase({ dataDir });
    stop = embedded.stop;
    await applyMigrations(embedded.url, { log: () => {} });
    const client = new pg.Client({ connectionString: embedded.url });
    await client.connect();
    try {
      const rows = [
        ["Sebanyak 10.000 tentara dikirim ke perbatasan Kalimantan", "https://a.example/1"],
        ["Harga beras di Kalimantan naik dua kali lipat", "https://a.example/2"],
      ];
      // One multi-row INSERT, as a bulk import writes: the statement-level triggers see both rows.
      await client.query(
        `INSERT INTO "KnownFactCheck" (id, url, "claimReviewed", language, publisher, rating, "datePublished", source, terms, "updatedAt")
         VALUES ($1, $2, $3, 'id', 'Cek', 'Salah', '2025-01-01', 'FEED', $4, now()), ($5, $6, $7, 'id', 'Cek', 'Salah', '2025-01-01', 'FEED', $8, now())`,
        rows.flatMap(([text, url]) => [randomUUID(), url, text, matchTerms(text!, "id").join(" ")]),
      );
      const counts = await client.query<{ term: string; reviews: number }>(
        `SELECT term, reviews FROM "KnownFactCheckTermCount" WHERE language = 'id' AND term IN ('kalimantan', '10000') ORDER BY term`,
      );
      expect(counts.rows).toEqual([
        { term: "10000", reviews: 1 },
        { term: "kalimantan", reviews: 2 },
      ]);
      const query = candidatesQuery(matchTerms("10 ribu tentara tiba di Kalimantan", "id"), { language: "id" });
      const found = await client.query<{ url: string }>(query.text, query.values);
      expect(found.rows.map((row) => row.url).sort()).toEqual(["https://a.example/1", "https://a.example/2"]);

      await client.query(`DELETE FROM "KnownFactCheck" WHERE url = 'https://a.example/2'`);
      const after = await client.query<{ reviews: number }>(`SELECT reviews FROM "KnownFactCheckTermCount" WHERE language = 'id' AND term = 'kalimantan'`);
      expect(after.rows[0]!.reviews).toBe(1);
    } finally {
      await client.end();
    }
  });
});
