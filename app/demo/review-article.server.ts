// The second demo article: a desk in progress, with claims in every state of the review — unassigned,
// assigned, in research with sources, proposed, returned, approved, not checkable — spread over the
// demo reviewers. Built through the same domain functions the desk uses.
import { readFileSync } from "node:fs";
import path from "node:path";
import { importArticle } from "~/articles/articles.server";
import { draftFromPaste } from "~/articles/import/paste";
import { createClaim, updateClaim } from "~/claims/claims.server";
import { prisma } from "~/db/client.server";
import { addDays, endOfDay, today } from "~/newsroom/clock";
import { assignClaims } from "~/review/assignments.server";
import { approveVerdict, markNotCheckable, proposeVerdict, returnVerdict } from "~/review/verdicts.server";
import { activeScale } from "~/rating-scale/rating-scale.server";
import { addSource } from "~/sources/sources.server";
import { claimVersion as version, actAs } from "./actors.server";

const file = path.join(import.meta.dirname, "harga-beras-2025.txt");


export async function seedReviewArticle() {
  const [editor, editor2, reviewer, reviewer2, reviewer3] = await Promise.all(
    ["editor@example.org", "editor2@example.org", "reviewer@example.org", "reviewer2@example.org", "reviewer3@example.org"].map(actAs),
  );
  const draft = draftFromPaste({
    title: "Harga Beras Naik 12 Persen, Bulog Bantah Isu Beras Plastik",
    body: readFileSync(file, "utf8"),
    outlet: "Warta Ekonomi Nusantara",
    publishedAt: "2025-02-03",
    originalUrl: "https://ekonomi.example/2025/02/03/harga-beras-naik",
  });
  const outcome = await importArticle(editor!, draft);
  if (!outcome.created) return outcome.articleId;
  const articleId = outcome.articleId;
  const claim = async (quote: string, wording: string, claimant: string) => {
    const start = draft.body.indexOf(quote);
    if (start < 0) throw new Error(`Demo claim not in the article: ${quote}`);
    const created = await createClaim(editor!, articleId, { start, end: start + quote.length });
    await updateClaim(editor!, articleId, created.id, created.version, { wording, claimant, claimDate: new Date("2025-02-03"), appearance: draft.originalUrl });
    return created.id;
  };
  const rating = async (labelEn: string) => (await activeScale())!.labels.find((l) => l.labelEn === labelEn)!.id;

  const approved = await claim("naik rata-rata 12 persen sepanjang Januari 2025", "Harga beras medium naik rata-rata 12 persen pada Januari 2025", "Badan Pusat Statistik");
  const proposed = await claim("mencapai Rp 18.500 per kilogram", "Harga beras di Papua mencapai Rp 18.500 per kilogram", "Kepala BPS");
  const researching = await claim("cadangan sebanyak 2,1 juta ton di gudang Bulog", "Cadangan beras di gudang Bulog 2,1 juta ton", "Menteri Perdagangan");
  const returned = await claim("beras impor dari Vietnam dicampur dengan beras plastik", "Beras impor Vietnam dicampur beras plastik", "Unggahan media sosial");
  const notCheckable = await claim("harga beras akan tembus Rp 25.000 per kilogram pada Maret", "Harga beras akan tembus Rp 25.000/kg pada Maret", "Unggahan Facebook");
  const assigned = await claim("telah menjangkau 22 juta keluarga penerima manfaat", "Bantuan pangan menjangkau 22 juta keluarga sejak Desember 2024", "Pemerintah");
  await claim("dibagikan lebih dari 40.000 kali", "Unggahan soal harga beras dibagikan lebih dari 40.000 kali", "Facebook");

  // Due dates as an editor picks them: whole days in the newsroom's zone, from today there.
  const { timeZone } = await prisma.newsroomSettings.findUniqueOrThrow({ where: { id: 1 }, select: { timeZone: true } });
  const inDays = (days: number) => endOfDay(addDays(today(timeZone), days), timeZone);
  await assignClaims(editor!, { claimIds: [approved, researching], reviewerId: reviewer!.id, dueAt: inDays(2), note: "Bandingkan dengan rilis BPS." });
  await assignClaims(editor!, { claimIds: [proposed, assigned], reviewerId: reviewer2!.id, dueAt: inDays(-1), note: null });
  await assignClaims(editor2!, { claimIds: [returned], reviewerId: reviewer3!.id, dueAt: inDays(5), note: "Cek pernyataan resmi Bulog." });

  // In research, with sources (their archive copies are attempted by the job queue).
  await addSource(reviewer!, { claimId: researching, url: "https://www.bulog.example/siaran-pers/stok-beras-2025", title: "Siaran pers: stok beras nasional", publisher: "Perum Bulog", kind: "OFFICIAL_STATEMENT", stance: "SUPPORTS", excerpt: "Stok CBP di gudang Bulog per 31 Januari 2025 sebesar 2,1 juta ton." });
  await addSource(reviewer!, { claimId: researching, url: "https://data.bps.example/bps/harga-beras-januari-2025.csv", title: "Harga beras Januari 2025", publisher: "BPS", kind: "DATASET", stance: "CONTEXT" });

  // Approved: proposed by one person, approved by another.
  await addSource(reviewer!, { claimId: approved, url: "https://www.bps.example/brs/2025/02/03/inflasi-januari", title: "Berita Resmi Statistik Januari 2025", publisher: "BPS", kind: "OFFICIAL_DOCUMENT", stance: "SUPPORTS" });
  await proposeVerdict(reviewer!, { claimId: approved, claimVersion: await version(approved), ratingId: await rating("True"), rationale: "Berita Resmi Statistik BPS 3 Februari 2025 mencatat kenaikan harga beras medium **12,1 persen** secara bulanan." });
  await approveVerdict(editor2!, { claimId: approved, claimVersion: await version(approved) });

  // Proposed, waiting for an editor.
  await proposeVerdict(reviewer2!, { claimId: proposed, claimVersion: await version(proposed), ratingId: await rating("Partly true"), rationale: "Harga tertinggi Rp 18.500/kg tercatat di Kabupaten Puncak Jaya, bukan rata-rata Provinsi Papua." });

  // Returned to the reviewer with a comment.
  await proposeVerdict(reviewer3!, { claimId: returned, claimVersion: await version(returned), ratingId: await rating("False"), rationale: "Bulog dan BPOM menyatakan tidak ada beras plastik." });
  await returnVerdict(editor2!, { claimId: returned, claimVersion: await version(returned), comment: "Lampirkan hasil uji laboratorium BPOM sebagai sumber." });

  // Not checkable: a prediction.
  await markNotCheckable(editor!, { claimId: notCheckable, claimVersion: await version(notCheckable), reason: "Prediksi harga di masa depan; belum dapat diverifikasi." });

  await prisma.claimSuggestion.updateMany({ where: { articleId, acceptedAt: null }, data: { dismissedAt: new Date() } });
  return articleId;
}
