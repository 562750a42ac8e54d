// The sample article (Tribunnews, 28 October 2024) imported into the demo desk with the five claims an
// editor would pull from it (shared/notes/domain.md), accepted and worded for checking.
import { readFileSync } from "node:fs";
import path from "node:path";
import { importArticle } from "~/articles/articles.server";
import type { Actor } from "~/auth/actor";
import { draftFromPaste } from "~/articles/import/paste";
import { type ClaimantKind, createClaim, updateClaim } from "~/claims/claims.server";
import { prisma } from "~/db/client.server";

export const sampleArticleFile = path.join(import.meta.dirname, "tribunnews-kursk-2024-10-28.txt");

const claims: { quote: string; wording: string; claimant: string; kind: ClaimantKind; date?: string }[] = [
  {
    quote: "Sekitar 10.000 tentara asal Korea Utara (Korut) dilaporkan tiba di Kursk",
    wording: "Sekitar 10.000 tentara Korea Utara tiba di Kursk, Rusia",
    claimant: "Tribunnews (mengutip laporan)",
    kind: "Organization",
  },
  {
    quote: "Kedatangan tentara Korut dikonfirmasi langsung oleh Sekretaris Jenderal Pakta Pertahanan Atlantik Utara (NATO), Mark Rutte, Senin (28/10/2024)",
    wording: "Sekjen NATO Mark Rutte mengonfirmasi unit Korut dikerahkan ke Kursk",
    claimant: "Mark Rutte, Sekretaris Jenderal NATO",
    kind: "Person",
    date: "2024-10-28",
  },
  {
    quote: "Kremlin dengan tegas telah menepis laporan mengenai pengerahan pasukan Korea Utara sebagai “berita palsu.”",
    wording: "Kremlin menyebut laporan pengerahan pasukan Korut sebagai berita palsu",
    claimant: "Kremlin",
    kind: "Organization",
  },
  {
    quote: "pakta pertahanan keamanan bersama yang ditandatanganinya dengan pemimpin Korea Utara Kim Jong Un pada bulan Juni",
    wording: "Putin dan Kim Jong Un menandatangani pakta pertahanan bersama pada Juni",
    claimant: "Tribunnews",
    kind: "Organization",
  },
  {
    quote: "Jangan mati tanpa alasan di tanah asing,” kata Direktorat Intelijen Pertahanan Ukraina, dalam pesan berbahasa Korea di saluran pesan Telegramnya",
    wording: "Intelijen Ukraina mengajak tentara Korut menyerah lewat pesan Telegram berbahasa Korea",
    claimant: "Direktorat Intelijen Pertahanan Ukraina",
    kind: "Organization",
  },
];

export async function seedSampleArticle(editor: Actor) {
  const draft = draftFromPaste({
    title: "Korea Utara Kirim 10.000 Tentara ke Kursk, NATO Konfirmasi, Kremlin Sebut Berita Palsu",
    body: readFileSync(sampleArticleFile, "utf8"),
    outlet: "Tribunnews.com",
    publishedAt: "2024-10-28",
    originalUrl: "https://www.tribunnews.com/internasional/2024/10/28/korea-utara-kirim-10000-tentara-ke-kursk",
  });
  const outcome = await importArticle(editor, draft);
  if (!outcome.created) return outcome.articleId;
  for (const claim of claims) {
    const start = draft.body.indexOf(claim.quote);
    if (start < 0) throw new Error(`Sample claim not found in the article: ${claim.quote}`);
    const created = await createClaim(editor, outcome.articleId, { start, end: start + claim.quote.length });
    await updateClaim(editor, outcome.articleId, created.id, created.version, {
      wording: claim.wording,
      claimant: claim.claimant,
      claimantKind: claim.kind,
      claimDate: claim.date ? new Date(claim.date) : new Date("2024-10-28"),
      appearance: draft.originalUrl,
    });
  }
  // The suggestions these claims came from are settled.
  await prisma.claimSuggestion.updateMany({ where: { articleId: outcome.articleId, acceptedAt: null }, data: { dismissedAt: new Date() } });
  return outcome.articleId;
}
