// Articles for tests, created through the same domain function as an import.
import { randomUUID } from "node:crypto";
import { importArticle } from "~/articles/articles.server";
import { loadActor } from "~/auth/actor.server";
import { draftFromPaste } from "~/articles/import/paste";

export async function createArticle(importerId: string, body?: string) {
  const text =
    body ??
    `Pemerintah menyebut 1.200 sekolah rusak akibat banjir pada Senin (3/3/2025). Laporan ${randomUUID()}.\nKementerian membantah kabar bahwa dana bantuan dipotong 40 persen.`;
  const outcome = await importArticle(await loadActor(importerId), draftFromPaste({ title: `Artikel uji ${randomUUID().slice(0, 6)}`, body: text }));
  return { id: outcome.articleId };
}
