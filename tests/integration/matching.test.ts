// Known fact-checks and matching against a real PostgreSQL: upsert by ClaimReview URL (the full-text vector
// follows the terms), matching across number formats and an Indonesian word family, languages kept apart, and a
// claim nobody checked before.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db/client.server";
import { checkedBefore, defaults } from "~/matching/checked-before.server";
import { type KnownFactCheckInput, matchClaim, upsertKnownFactChecks } from "~/matching/match.server";

const run = randomUUID().slice(0, 8);
const urlOf = (slug: string) => `https://cektetangga.example/cek/${run}/${slug}`;

function review(slug: string, claimReviewed: string, language: "id" | "en", rating = "Salah"): KnownFactCheckInput {
  return { url: urlOf(slug), claimReviewed, language, publisher: "Cek Tetangga", rating, datePublished: new Date("2024-10-20T00:00:00Z"), source: "feed" };
}

const troops = review("tentara", "Korea Utara mengirim 10.000 tentara ke Kursk untuk membantu Rusia", "id");
const deployment = review("pengerahan", "Sekjen NATO mengonfirmasi unit militer Korea Utara dikerahkan ke Kursk", "id", "Benar");
const troopsEn = review("troops", "North Korea sent 10,000 troops to Kursk to help Russia", "en", "False");
const rice = review("beras", "Beras plastik beredar di pasar tradisional Jakarta", "id");
// Near duplicates: the same sentence with another figure or another place.
const fewerDead = review("tewas-1000", "Sebanyak 1.000 tentara Korea Utara tewas dalam serangan drone di Kursk", "id");
const floodWest = review("banjir-jabar", "Foto banjir bandang di Jawa Barat yang menewaskan 200 orang", "id");
const fuelEn = review("pertalite", "Indonesia raised the price of Pertalite fuel to Rp 15,000 per litre", "en", "False");

beforeAll(async () => {
  await upsertKnownFactChecks([troops, deployment, troopsEn, rice, fewerDead, floodWest, fuelEn]);
});

describe("known fact-checks", () => {
  it("are upserted by ClaimReview URL, with their terms and postings kept together", async () => {
    await upsertKnownFactChecks([{ ...rice, claimReviewed: "Beras plastik dijual di pasar tradisional Bekasi", rating: "Hoaks" }]);
    const rows = await prisma.$queryRaw<{ id: string; terms: string; rating: string }[]>`
      SELECT id, terms, rating FROM "KnownFactCheck" WHERE url = ${rice.url}`;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.rating).toBe("Hoaks");
    expect(rows[0]!.terms).toContain("bekasi");
    const postings = (await prisma.knownFactCheckTerm.findMany({ where: { knownFactCheckId: rows[0]!.id }, select: { term: true } })).map((row) => row.term);
    expect(postings).toContain("bekasi");
    expect(postings).not.toContain("jakarta");
  });
});

describe("matchClaim", () => {
  it("matches across number formats: digits, Indonesian number words", async () => {
    for (const text of ["Sepuluh ribu tentara Korea Utara dikirim ke Kursk", "10 ribu tentara Korea Utara tiba di Kursk"]) {
      const [best] = await matchClaim(text, { language: "id" });
      expect(best?.url, text).toBe(troops.url);
      expect(best!.score).toBeGreaterThan(0.3);
    }
  });

  it("matches English wording of the number against the English check, with what a reviewer needs", async () => {
    const [best] = await matchClaim("Ten thousand North Korean troops were sent to Kursk", { language: "en" });
    expect(best).toMatchObject({ url: troopsEn.url, publisher: "Cek Tetangga", rating: "False", language: "en" });
    expect(best!.datePublished).toEqual(new Date("2024-10-20T00:00:00Z"));
  });

  it("joins an Indonesian word family (pengerahan / dikerahkan)", async () => {
    const [best] = await matchClaim("Pengerahan unit militer Korut ke Kursk dikonfirmasi Sekjen NATO", { language: "id" });
    expect(best?.url).toBe(deployment.url);
  });

  it("keeps languages apart", async () => {
    const english = await matchClaim("North Korea sent 10,000 troops to Kursk", { language: "en" });
    expect(english.map((m) => m.language)).not.toContain("id");
    const indonesian = await matchClaim("Korea Utara mengirim 10.000 tentara ke Kursk", { language: "id" });
    expect(indonesian.map((m) => m.url)).not.toContain(troopsEn.url);
  });

  it("orders by score and honours the limit", async () => {
    const matches = await matchClaim("Korea Utara kirim tentara ke Kursk", { language: "id", limit: 2 });
    expect(matches.length).toBeLessThanOrEqual(2);
    expect(matches[0]!.url).toBe(troops.url);
    for (let i = 1; i < matches.length; i++) expect(matches[i]!.score).toBeLessThanOrEqual(matches[i - 1]!.score);
  });

  it("finds nothing for a claim nobody checked, or one without words", async () => {
    expect(await matchClaim("Harga cabai rawit naik dua kali lipat menjelang Lebaran", { language: "id" })).toEqual([]);
    expect(await matchClaim("yang dan di", { language: "id" })).toEqual([]);
  });
});

describe("checkedBefore: near duplicates are not 'likely the same'", () => {
  it("marks a true repeat in other words likely the same", async () => {
    const [best] = await checkedBefore("Seribu tentara Korut tewas diserang drone di Kursk", { language: "id", thresholds: defaults });
    expect(best).toMatchObject({ url: fewerDead.url, likelySame: true });
  });

  it("does not mark a check of 1.000 likely the same as a claim of 10.000", async () => {
    const matches = await checkedBefore("Sebanyak 10.000 tentara Korea Utara tewas dalam serangan drone di Kursk", { language: "id", thresholds: defaults });
    const check = matches.find((m) => m.url === fewerDead.url);
    expect(check?.likelySame ?? false).toBe(false);
    expect(matches.every((m) => m.score >= defaults.suggestAt)).toBe(true);
  });

  it("does not mark the same flood in another province, or the same price of another fuel, likely the same", async () => {
    const flood = await checkedBefore("Foto banjir bandang di Jawa Tengah yang menewaskan 200 orang", { language: "id", thresholds: defaults });
    expect(flood.find((m) => m.url === floodWest.url)?.likelySame ?? false).toBe(false);
    const fuel = await checkedBefore("Indonesia raised the price of Solar diesel to Rp 15,000 per litre", { language: "en", thresholds: defaults });
    expect(fuel.find((m) => m.url === fuelEn.url)?.likelySame ?? false).toBe(false);
  });

  it("keeps what scores below suggest out and follows the thresholds it is given", async () => {
    const text = "Foto viral banjir bandang Jawa Barat, 200 orang tewas";
    const all = await checkedBefore(text, { language: "id", thresholds: { suggestAt: 0, likelySameAt: 1 } });
    const best = all.find((m) => m.url === floodWest.url)!;
    expect(best.score).toBeLessThan(1);
    expect(best.likelySame).toBe(false);
    const strict = await checkedBefore(text, { language: "id", thresholds: { suggestAt: best.score + 0.001, likelySameAt: 1 } });
    expect(strict.map((m) => m.url)).not.toContain(floodWest.url);
    const loose = await checkedBefore(text, { language: "id", thresholds: { suggestAt: 0, likelySameAt: best.score } });
    expect(loose.find((m) => m.url === floodWest.url)?.likelySame).toBe(true);
  });
});
