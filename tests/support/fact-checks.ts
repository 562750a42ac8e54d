// Articles whose claims went through the whole review — assigned, researched with sources, proposed by a
// reviewer, approved by another editor (or marked not checkable) — and published fact-checks made from
// them, all with the desk's own domain functions against the database under test.
import { randomUUID } from "node:crypto";
import { importArticle, setArticleLanguage } from "~/articles/articles.server";
import { draftFromPaste } from "~/articles/import/paste";
import { createClaim, updateClaim } from "~/claims/claims.server";
import { prisma } from "~/db/client.server";
import { actAs, claimVersion } from "~/demo/actors.server";
import { publishFactCheck } from "~/publishing/publication.server";
import { assignClaims } from "~/review/assignments.server";
import { approveVerdict, markNotCheckable, proposeVerdict } from "~/review/verdicts.server";
import { activeScale } from "~/rating-scale/rating-scale.server";
import { actorOf } from "./fixtures";

export type ClaimToCheck = {
  /** Words of the article body; the claim is made from their span. */
  quote: string;
  wording?: string;
  claimant?: string;
  /** Default 2025-02-03; null for a claim whose date is not known. */
  claimDate?: string | null;
  /** labelEn of a label on the active scale; omitted with `notCheckable`. */
  rating?: string;
  rationale?: string;
  notCheckable?: string;
  /** Sources written directly (no archive job), each with a pending archive copy, or one taken at `archivedAt`. */
  sources?: { url: string; title?: string; archivedAt?: Date }[];
};

const floodBody = () =>
  `Pemerintah menyebut 1.200 sekolah rusak akibat banjir pada Senin (3/3/2025). Laporan ${randomUUID()}.\n\nKementerian membantah kabar bahwa dana bantuan dipotong 40 persen.`;

const floodClaims: ClaimToCheck[] = [
  {
    quote: "1.200 sekolah rusak akibat banjir",
    wording: "1.200 sekolah rusak akibat banjir di Jawa Tengah",
    rating: "Partly true",
    claimDate: "2025-03-03",
  },
  { quote: "dana bantuan dipotong 40 persen", wording: "Dana bantuan banjir dipotong 40 persen", rating: "False", claimDate: null },
];

/**
 * An article with every claim settled; returns the editor who may publish it. By default two Indonesian
 * claims about a flood, rated "Partly true" and "False", each with one source ("Sumber 1", "Sumber 2").
 */
export async function settledArticle(
  options: { language?: "id" | "en" | "und"; title?: string; body?: string; claims?: ClaimToCheck[] } = {},
) {
  const claims = options.claims ?? floodClaims;
  const [editorRow, approverRow, reviewerRow] = await Promise.all([
    actorOf("editor"),
    actorOf("editor"),
    actorOf("reviewer"),
  ]);
  const [editor, approver, reviewer] = await Promise.all([actAs(editorRow.email), actAs(approverRow.email), actAs(reviewerRow.email)]);
  const outcome = await importArticle(
    editor,
    draftFromPaste({
      title: options.title ?? `Banjir dan bantuan ${randomUUID().slice(0, 6)}`,
      body: options.body ?? floodBody(),
      outlet: "Kabar Uji",
      publishedAt: "2025-03-04",
      originalUrl: `https://kabar.example/${randomUUID()}`,
    }),
  );
  if (!outcome.created) throw new Error(`The article duplicates "${outcome.title}": give each test article its own text.`);
  const articleId = outcome.articleId;
  if (options.language) await setArticleLanguage(editor, articleId, options.language);
  const labels = (await activeScale())!.labels;
  const body = (await prisma.article.findUniqueOrThrow({ where: { id: articleId }, select: { body: true } })).body;

  const claimIds: string[] = [];
  for (const [index, claim] of claims.entries()) {
    const start = body.indexOf(claim.quote);
    if (start < 0) throw new Error(`Not in the article: ${claim.quote}`);
    const created = await createClaim(editor, articleId, { start, end: start + claim.quote.length });
    const claimDate = claim.claimDate === undefined ? "2025-02-03" : claim.claimDate;
    await updateClaim(editor, articleId, created.id, created.version, {
      wording: claim.wording ?? claim.quote,
      claimant: claim.claimant ?? "Kementerian",
      claimantKind: "Organization",
      claimDate: claimDate ? new Date(`${claimDate}T00:00:00Z`) : null,
      appearance: null,
    });
    claimIds.push(created.id);
    const sources = claim.sources ?? (claim.notCheckable ? [] : [{ url: `https://data.example/${index}`, title: `Sumber ${index + 1}` }]);
    for (const source of sources) {
      const snapshot = source.archivedAt
        ? {
            status: "ARCHIVED" as const,
            httpStatus: 200,
            sha256: "0".repeat(64),
            text: "Arsip",
            sanitizedHtml: "<p>Arsip</p>",
            fetchedAt: source.archivedAt,
          }
        : { status: "PENDING" as const };
      await prisma.source.create({
        data: {
          claimId: created.id,
          url: source.url,
          title: source.title ?? null,
          publisher: "BPS",
          addedById: reviewer.id,
          kind: "DATASET",
          stance: "REFUTES",
          snapshots: { create: snapshot },
        },
      });
    }
  }
  const rated = claimIds.filter((_, index) => !claims[index]!.notCheckable);
  if (rated.length) await assignClaims(editor, { claimIds: rated, reviewerId: reviewer.id, dueAt: null, note: null });
  for (const [index, claim] of claims.entries()) {
    const id = claimIds[index]!;
    if (claim.notCheckable) {
      await markNotCheckable(editor, { claimId: id, claimVersion: await claimVersion(id), reason: claim.notCheckable });
      continue;
    }
    const rating = labels.find((label) => label.labelEn === (claim.rating ?? "False"));
    if (!rating) throw new Error(`No label ${claim.rating}`);
    const rationale = claim.rationale ?? `Menurut **data**, klaim ${index + 1} dinilai ${rating.labelEn}.`;
    await proposeVerdict(reviewer, { claimId: id, claimVersion: await claimVersion(id), ratingId: rating.id, rationale });
    await approveVerdict(approver, { claimId: id, claimVersion: await claimVersion(id) });
  }
  return {
    articleId,
    claimIds,
    editor,
    approver,
    reviewer,
    labels,
    emails: { editor: editorRow.email, approver: approverRow.email, reviewer: reviewerRow.email },
  };
}

export type FactCheckToPublish = {
  headline: string;
  summary?: string;
  methodology?: string;
  body: string;
  language: "id" | "en" | "und";
  claims: ClaimToCheck[];
  slug?: string;
};

/** Publishes a fact-check of a new, fully reviewed article and returns the ids involved. */
export async function publishTestFactCheck(input: FactCheckToPublish) {
  const desk = await settledArticle({ language: input.language, body: input.body, claims: input.claims });
  const slug = input.slug ?? `cek-${randomUUID().slice(0, 8)}`;
  const factCheck = await publishFactCheck(desk.editor, {
    articleId: desk.articleId,
    slug,
    headline: input.headline,
    summary: input.summary ?? `Ringkasan ${input.headline}`,
    methodology: input.methodology ?? "Kami membandingkan klaim dengan data resmi.",
  });
  return { factCheckId: factCheck.id, articleId: desk.articleId, slug, editorActor: desk.editor };
}

/**
 * A published fact-check written straight into the database at a chosen time, with an empty version: for
 * tests of ordering and paging that need many rows (and timestamps no real publication would give).
 */
export async function bareFactCheck(input: { publishedById: string; slug: string; headline: string; at: Date }) {
  const article = await prisma.article.create({
    data: {
      title: input.headline,
      body: `Isi ${input.slug}`,
      bodyHash: `bare-${randomUUID()}`,
      language: "id",
      importMethod: "PASTE",
      importedById: input.publishedById,
    },
    select: { id: true },
  });
  const common = { headline: input.headline, summary: "Ringkasan" };
  await prisma.factCheck.create({
    data: {
      articleId: article.id,
      slug: input.slug,
      language: "id",
      ...common,
      firstPublishedAt: input.at,
      lastPublishedAt: input.at,
      versions: {
        create: {
          version: 1,
          ...common,
          methodology: "Metode",
          content: {
            article: { title: input.headline, outlet: null, author: null, publishedAt: null, url: null, language: "id" },
            scale: { best: 5, worst: 1, labels: [] },
            claims: [],
          },
          publishedById: input.publishedById,
          publishedAt: input.at,
        },
      },
    },
  });
}
