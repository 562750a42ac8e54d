// "Checked before" in the claims workspace, against a real PostgreSQL: every claim (its wording) and every open
// suggestion (its passage) of an article gets its earlier fact-checks in one call — a number written another way
// still matches, an unrelated claim gets none, a claim is never matched to its own published review, an article
// of undetermined language gets none — and a newly known fact-check shows once it is announced.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getArticleWorkspace } from "~/articles/articles.server";
import { checkedBeforeInWorkspace } from "~/matching/checked-before.server";
import { loadActor } from "~/auth/actor.server";
import { createClaim } from "~/claims/claims.server";
import { prisma } from "~/db/client.server";
import { announceKnownFactChecksChanged } from "~/matching/checked-before.server";
import { type KnownFactCheckInput, upsertKnownFactChecks } from "~/matching/match.server";
import { actorOf, createArticle } from "../support/fixtures";

const run = randomUUID().slice(0, 8);
const urlOf = (slug: string) => `https://cektetangga.example/cek/${run}/${slug}`;
const published = new Date("2024-10-20T00:00:00Z");

function review(slug: string, claimReviewed: string, rating = "Salah"): KnownFactCheckInput {
  return { url: urlOf(slug), claimReviewed, language: "id", publisher: "Cek Tetangga", rating, datePublished: published, source: "feed" };
}

const troops = review("tentara", "Korea Utara mengirim 10.000 tentara ke Kursk untuk membantu Rusia");
const rice = review("beras", "Beras plastik beredar di pasar tradisional Jakarta", "Hoaks");

const troopsSentence = "Sepuluh ribu tentara Korea Utara dikirim ke Kursk untuk membantu Rusia";
const chiliSentence = "Harga cabai rawit naik dua kali lipat menjelang Lebaran";
const riceSentence = "Beras plastik beredar di pasar tradisional Jakarta";
const body = `${troopsSentence}, kata seorang pejabat. ${chiliSentence}, menurut pedagang. ${riceSentence}, tulis sebuah akun. Laporan ${run}.`;

let article: NonNullable<Awaited<ReturnType<typeof getArticleWorkspace>>>;
let troopsClaim: string;
let chiliClaim: string;
let riceSuggestion: string;
let troopsSuggestion: string;
let ownUrl: string;

beforeAll(async () => {
  const editor = await loadActor((await actorOf("editor")).id);
  const { id } = await createArticle(editor.id, body);
  await prisma.article.update({ where: { id }, data: { language: "id" } });
  const span = (fragment: string) => ({ start: body.indexOf(fragment), end: body.indexOf(fragment) + fragment.length });
  troopsClaim = (await createClaim(editor, id, span(troopsSentence))).id;
  chiliClaim = (await createClaim(editor, id, span(chiliSentence))).id;
  // The suggestions are ours, over known passages (not whatever the import suggested).
  await prisma.claimSuggestion.deleteMany({ where: { articleId: id } });
  riceSuggestion = (await prisma.claimSuggestion.create({ data: { articleId: id, ...span(riceSentence), score: 0.7, reasons: [] }, select: { id: true } })).id;
  troopsSuggestion = (await prisma.claimSuggestion.create({ data: { articleId: id, ...span(troopsSentence), score: 0.7, reasons: [] }, select: { id: true } })).id;
  // Our own published review of the troops claim, word for word: the claim must not find itself.
  ownUrl = `https://cekfakta.example.id/${run}/tentara`;
  await upsertKnownFactChecks([
    troops,
    rice,
    { url: ownUrl, claimReviewed: troopsSentence, language: "id", publisher: "Cek Fakta Kita", rating: "Keliru", datePublished: published, source: "own", claimId: troopsClaim },
  ]);
  await announceKnownFactChecksChanged();
  article = (await getArticleWorkspace(editor, id))!;
});

describe("checkedBeforeInWorkspace", () => {
  it("gives each claim and suggestion its earlier fact-checks, with what the list shows", async () => {
    const found = await checkedBeforeInWorkspace(article);
    // The number written in words still finds the check written in digits.
    expect(found[troopsClaim]?.[0]).toMatchObject({ url: troops.url, publisher: "Cek Tetangga", rating: "Salah", datePublished: published });
    expect(found[riceSuggestion]?.[0]).toMatchObject({ url: rice.url, rating: "Hoaks" });
    for (const matches of Object.values(found)) {
      expect(matches.length).toBeLessThanOrEqual(3);
      for (const match of matches) expect(typeof match.likelySame).toBe("boolean");
    }
  });

  it("gives an unrelated claim nothing", async () => {
    const found = await checkedBeforeInWorkspace(article);
    expect(found).not.toHaveProperty(chiliClaim);
  });

  it("never matches a claim to its own published review, though the same passage as a suggestion finds it", async () => {
    const found = await checkedBeforeInWorkspace(article);
    expect(found[troopsClaim]!.map((m) => m.url)).not.toContain(ownUrl);
    // Word for word, our own review is the best match of the same sentence as a suggestion, and likely the same.
    expect(found[troopsSuggestion]?.[0]).toMatchObject({ url: ownUrl, likelySame: true });
  });

  it("finds nothing in an article of undetermined language", async () => {
    expect(await checkedBeforeInWorkspace({ ...article, language: "und" })).toEqual({});
  });

  it("shows a newly known fact-check once it is announced", async () => {
    expect(await checkedBeforeInWorkspace(article)).not.toHaveProperty(chiliClaim);
    const chili = review("cabai", "Harga cabai rawit naik dua kali lipat menjelang Lebaran tahun ini", "Benar");
    await upsertKnownFactChecks([chili]);
    await announceKnownFactChecksChanged();
    await expect
      .poll(async () => (await checkedBeforeInWorkspace(article))[chiliClaim]?.map((m) => m.url), { timeout: 5_000 })
      .toEqual([chili.url]);
  });
});
