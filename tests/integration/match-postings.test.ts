// The postings matchClaim finds its candidates by (KnownFactCheckTerm, with each term's document frequency in
// KnownFactCheckTermCount) follow KnownFactCheck whoever writes it: inserts, a change of wording, deletes; a claim
// whose every term is common still gets candidates (its two rarest terms together); and the same triggers and
// candidate query work on the embedded database (PGlite).
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "~/db/client.server";
import { startEmbeddedDatabase } from "~/db/embedded.server";
import { applyMigrations } from "~/db/migrate.server";
import { candidatesQuery, type KnownFactCheckInput, matchCandidates, matchClaim, upsertKnownFactChecks } from "~/matching/match.server";
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

describe("candidates when every term of the claim is common", () => {
  /** A made-up word of 14 random letters: it shares no trigrams with another to speak of. */
  const randomWord = () => randomUUID().replace(/-/g, "").slice(0, 14).replace(/[0-9]/g, (digit) => "bcdfghjklm"[Number(digit)]!) + "x";
  const common = [word("sapigila"), word("kerbaulari")];
  const own = Array.from({ length: 235 }, () => Array.from({ length: 10 }, randomWord));

  it("are the reviews with its rarest term that also have the second rarest (more than 200 share each)", async () => {
    // 205 reviews with both words, 30 with only the first; each also has ten words of its own.
    await upsertKnownFactChecks([
      ...Array.from({ length: 205 }, (_, i) => review(`both-${i}`, `${common[0]} ${common[1]} ${own[i]!.join(" ")}`)),
      ...Array.from({ length: 30 }, (_, i) => review(`first-${i}`, `${common[0]} ${own[205 + i]!.join(" ")}`)),
    ]);
    expect(await reviewsWith(common[0]!)).toBe(235);
    expect(await reviewsWith(common[1]!)).toBe(205);
    // Words no review has (no postings; they keep the claim unlike any review in trigrams).
    const unknown = Array.from({ length: 15 }, randomWord);
    const candidates = await matchCandidates([...common, ...unknown], { language: "id" });
    expect(candidates).toHaveLength(50);
    for (const candidate of candidates) {
      expect(candidate.claimReviewed).toContain(common[1]);
      expect(candidate.trigram).toBeLessThan(0.3); // none came by trigrams
    }
  });

  it("a rarer term of the claim outweighs them: the one review that has it comes first", async () => {
    const [best] = await matchClaim(`${common[0]} ${common[1]} ${own[42]![3]}`, { language: "id" });
    expect(best?.url).toBe(review("both-42", "").url);
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
