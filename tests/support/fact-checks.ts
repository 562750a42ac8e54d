// Articles whose claims went through the whole review (assigned, researched, proposed, approved by another
// editor), ready to publish — built with the desk's own domain functions against the database under test.
import { randomUUID } from "node:crypto";
import { importArticle } from "../../app/articles/articles.server";
import { draftFromPaste } from "../../app/articles/import-source.server";
import { createClaim, updateClaim } from "../../app/claims/claims.server";
import { prisma } from "../../app/db/client.server";
import { actAs } from "../../app/demo/actors.server";
import { assignClaims } from "../../app/review/assignments.server";
import { approveVerdict, markNotCheckable, proposeVerdict } from "../../app/review/verdicts.server";
import { activeScale } from "../../app/scale/scale.server";
import { addSource } from "../../app/sources/sources.server";
import { createPerson } from "./people";

const version = async (claimId: string) => (await prisma.claim.findUniqueOrThrow({ where: { id: claimId }, select: { version: true } })).version;

export type SettledClaim = { quote: string; wording: string; rating?: string; notCheckable?: string; claimDate?: string };

const indonesian: SettledClaim[] = [
  { quote: "1.200 sekolah rusak akibat banjir", wording: "1.200 sekolah rusak akibat banjir di Jawa Tengah", rating: "Partly true", claimDate: "2025-03-03" },
  { quote: "dana bantuan dipotong 40 persen", wording: "Dana bantuan banjir dipotong 40 persen", rating: "False" },
];

/**
 * An article with every claim settled: rated ones proposed by a reviewer (with one source) and approved by
 * another editor; others marked not checkable. Returns the editor who may publish it.
 */
export async function settledArticle(options: { language?: "id" | "en"; title?: string; body?: string; claims?: SettledClaim[] } = {}) {
  const claims = options.claims ?? indonesian;
  const body =
    options.body ??
    `Pemerintah menyebut 1.200 sekolah rusak akibat banjir pada Senin (3/3/2025). Laporan ${randomUUID()}.\n\nKementerian membantah kabar bahwa dana bantuan dipotong 40 persen.`;
  const [editorRow, approverRow, reviewerRow] = await Promise.all([createPerson("editor"), createPerson("editor"), createPerson("reviewer")]);
  const [editor, approver, reviewer] = await Promise.all([actAs(editorRow.email), actAs(approverRow.email), actAs(reviewerRow.email)]);
  const outcome = await importArticle(
    editor.id,
    draftFromPaste({ title: options.title ?? `Banjir dan bantuan ${randomUUID().slice(0, 6)}`, body, outlet: "Kabar Uji", publishedAt: "2025-03-04", originalUrl: `https://kabar.example/${randomUUID()}` }),
  );
  const articleId = outcome.articleId;
  if (options.language) await prisma.article.update({ where: { id: articleId }, data: { language: options.language } });
  const labels = (await activeScale())!.labels;
  const stored = (await prisma.article.findUniqueOrThrow({ where: { id: articleId }, select: { body: true } })).body;
  const claimIds: string[] = [];
  for (const claim of claims) {
    const start = stored.indexOf(claim.quote);
    if (start < 0) throw new Error(`not in the article: ${claim.quote}`);
    const created = await createClaim(editor.id, articleId, { start, end: start + claim.quote.length });
    await updateClaim(editor.id, created.id, created.version, {
      wording: claim.wording,
      claimant: "Kementerian",
      claimantKind: "Organization",
      claimDate: claim.claimDate ? new Date(claim.claimDate) : null,
      appearance: null,
    });
    claimIds.push(created.id);
  }
  const rated = claims.map((claim, index) => ({ claim, id: claimIds[index]! })).filter(({ claim }) => claim.rating);
  if (rated.length) await assignClaims(editor, { claimIds: rated.map((r) => r.id), reviewerId: reviewer.id, dueAt: null, note: null });
  for (const [index, claim] of claims.entries()) {
    const id = claimIds[index]!;
    if (claim.notCheckable) {
      await markNotCheckable(editor, { claimId: id, claimVersion: await version(id), reason: claim.notCheckable });
      continue;
    }
    await addSource(reviewer, { claimId: id, url: `https://data.example/${index}`, title: `Sumber ${index + 1}`, publisher: "BPS", kind: "DATASET", stance: "REFUTES" });
    const ratingId = labels.find((label) => label.labelEn === claim.rating)!.id;
    await proposeVerdict(reviewer, { claimId: id, claimVersion: await version(id), ratingId, rationale: `Menurut **data**, klaim ${index + 1} dinilai ${claim.rating}.` });
    await approveVerdict(approver, { claimId: id, claimVersion: await version(id) });
  }
  return { articleId, claimIds, editor, approver, reviewer, labels, emails: { editor: editorRow.email, approver: approverRow.email, reviewer: reviewerRow.email } };
}
