// The annotated news articles on disk: app/claims/articles/<language>.json (committed: URLs, offsets, hashes)
// and the local copies of their texts, .data/claims-articles/<language>/<split>/<id>.txt (git-ignored:
// third-party text is never committed). A local copy that is missing or differs from what was annotated is
// skipped with a note, never evaluated.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { type AnnotatedArticle, type ArticleWithText, articleSetSchema, textMismatch } from "./article-eval.ts";
import type { Language } from "./types.ts";

export const articleSetFile = (root: string, language: Language) => path.join(root, "app/claims/articles", `${language}.json`);
export const localArticleDir = (root: string, language: Language) => path.join(root, ".data/claims-articles", language);
export const localArticleFile = (root: string, language: Language, article: Pick<AnnotatedArticle, "split" | "id">) =>
  path.join(localArticleDir(root, language), article.split, `${article.id}.txt`);

const isMissing = (error: unknown) => error instanceof Error && "code" in error && error.code === "ENOENT";

/** The annotations of one language, or null when that language has none yet. */
export async function readArticleSet(root: string, language: Language): Promise<AnnotatedArticle[] | null> {
  let raw: string;
  try {
    raw = await readFile(articleSetFile(root, language), "utf8");
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
  return articleSetSchema.parse(JSON.parse(raw));
}

export type LocalArticles = { present: ArticleWithText[]; skipped: { id: string; reason: string }[] };

/** The annotated articles whose local copy is present and unchanged; the others with the reason they were skipped. */
export async function readLocalArticles(root: string, language: Language, articles: AnnotatedArticle[]): Promise<LocalArticles> {
  const present: ArticleWithText[] = [];
  const skipped: LocalArticles["skipped"] = [];
  for (const article of articles) {
    let text: string;
    try {
      text = await readFile(localArticleFile(root, language, article), "utf8");
    } catch (error) {
      if (!isMissing(error)) throw error;
      skipped.push({ id: article.id, reason: "no local copy" });
      continue;
    }
    const mismatch = textMismatch(article, text);
    if (mismatch) skipped.push({ id: article.id, reason: `local copy changed: ${mismatch}` });
    else present.push({ id: article.id, split: article.split, claims: article.claims, text });
  }
  return { present, skipped };
}
