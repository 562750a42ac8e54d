// `npx tsx scripts/claim-articles.ts <command> <language> …`: builds and checks the hand-annotated news
// articles (app/claims/articles/<language>.json) from local copies of their texts, which are never committed
// (.data/claims-articles/<language>/<split>/<id>.txt, UTF-8, "\n" between paragraphs).
//
//   sentences <language> <split>/<id>   print the article cut into numbered segments, to annotate by number
//   build <language>                    read .data/claims-articles/<language>/annotations.json (local: it may
//                                       quote the articles) and write app/claims/articles/<language>.json
//   check <language>                    check the committed file against the local copies and the split rules
//   recover <language> <id>             turn a fresh copy of an annotated article's page text, saved verbatim in
//                                       .data/claims-articles/<language>/raw/<id>.txt, back into its local copy:
//                                       kept as is when a trimming of it is the annotated text (same sha256), else
//                                       each claim is found again by its length and hash, and the entry with the new
//                                       offsets, sha256 and length waits in .data/claims-articles/<language>/recovered/
//   recover <language>                  write the waiting re-anchored entries into the committed file
//
// This script does not run the suggester: annotate blind, then run `npm run claims:eval`.
//
// annotations.json: [{ "id", "url", "outlet", "split", "claims": ["3 figure", "4-5 quote", "7 event | 10,000 troops"] }]
// Each claim names a segment (or a range of consecutive segments of the same paragraph, joined) as printed
// by `sentences`, its kind, and optionally, after "|", the exact fragment of those segments that is the claim.
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import { type AnnotatedArticle, type AnnotatedClaim, annotatedArticleSchema, articleSetProblems, articleSplits, claimSha, sha256Hex, textMismatch } from "../app/claims/article-eval.ts";
import { articleSetFile, localArticleDir, localArticleFile, readArticleSet, readLocalArticles } from "../app/claims/article-files.server.ts";
import type { Language } from "../app/claims/types.ts";

const root = path.resolve(import.meta.dirname, "..");

type Segment = { start: number; end: number; paragraph: number };

/** Words after which a full stop does not end a sentence (titles, initials, months, US state abbreviations). */
const abbreviations = new Set(
  (
    "mr mrs ms dr st sgt lt col gen gov sen rep jr sr no vs prof capt cpl maj adm rev inc ltd co corp dept est fig " +
    "jan feb mar apr jun jul aug sep sept oct nov dec a.m p.m u.s u.k u.n wash calif pa ill fla tex mass mich ariz"
  ).split(" "),
);

/** Cuts each line into sentences: after . ! ? … (and closing quotes) followed by a space, unless an abbreviation. */
export function segmentArticle(text: string): Segment[] {
  const segments: Segment[] = [];
  let paragraph = 0;
  let lineStart = 0;
  for (const line of text.split("\n")) {
    let start = lineStart;
    const boundary = /[.!?…]+["”’'»)]*(?=\s+["“‘'«(]?[\p{Lu}\p{N}])/gu;
    for (const match of line.matchAll(boundary)) {
      const end = lineStart + match.index + match[0].length;
      const before = line.slice(0, match.index).match(/(\S+)$/u)?.[1]?.toLowerCase().replace(/^["“‘'(]+/u, "") ?? "";
      if (match[0].startsWith(".") && (abbreviations.has(before) || /^\p{L}$/u.test(before))) continue;
      pushTrimmed(segments, text, start, end, paragraph);
      start = end;
    }
    pushTrimmed(segments, text, start, lineStart + line.length, paragraph);
    lineStart += line.length + 1;
    paragraph++;
  }
  return segments;
}

function pushTrimmed(segments: Segment[], text: string, start: number, end: number, paragraph: number) {
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  if (end > start) segments.push({ start, end, paragraph });
}

const annotationsSchema = z.array(
  z.strictObject({
    id: z.string(),
    url: z.string(),
    outlet: z.string(),
    split: z.enum(articleSplits),
    claims: z.array(z.string()),
  }),
);

const claimLine = /^(\d+)(?:-(\d+))?\s+([a-z_]+)(?:\s*\|\s*(.+))?$/u;

/** Turns one annotation line into a claim with offsets into the text. */
export function claimFromLine(text: string, segments: Segment[], line: string): AnnotatedClaim {
  const match = claimLine.exec(line.trim());
  if (!match) throw new Error(`"${line}" is not "<segment>[-<segment>] <kind> [| fragment]"`);
  const first = segments[Number(match[1])];
  const last = segments[Number(match[2] ?? match[1])];
  if (!first || !last || last.start < first.start) throw new Error(`"${line}": no such segment`);
  if (first.paragraph !== last.paragraph) throw new Error(`"${line}": the segments are in different paragraphs`);
  let start = first.start;
  let end = last.end;
  const fragment = match[4];
  if (fragment !== undefined) {
    const within = text.slice(start, end);
    const at = within.indexOf(fragment);
    if (at < 0) throw new Error(`"${line}": the fragment is not in the segment`);
    if (within.indexOf(fragment, at + 1) >= 0) throw new Error(`"${line}": the fragment occurs twice in the segment`);
    start += at;
    end = start + fragment.length;
  }
  return { start, end, sha: claimSha(text.slice(start, end)), kind: match[3]! };
}

async function build(language: Language) {
  const annotations = annotationsSchema.parse(JSON.parse(await readFile(path.join(localArticleDir(root, language), "annotations.json"), "utf8")));
  // Articles already committed and not in the local annotations stay as they are (earlier halves, re-anchored copies).
  const annotated = new Set(annotations.map((entry) => entry.id));
  const articles: AnnotatedArticle[] = ((await readArticleSet(root, language)) ?? []).filter((article) => !annotated.has(article.id));
  for (const entry of annotations) {
    const text = await readFile(localArticleFile(root, language, entry), "utf8");
    const segments = segmentArticle(text);
    const claims = entry.claims.map((line) => {
      try {
        return claimFromLine(text, segments, line);
      } catch (error) {
        throw new Error(`${entry.id}: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
    claims.sort((a, b) => a.start - b.start || a.end - b.end);
    articles.push({ id: entry.id, url: entry.url, outlet: entry.outlet, split: entry.split, sha256: sha256Hex(text), length: text.length, claims });
  }
  const problems = articleSetProblems(articles);
  if (problems.length > 0) throw new Error(problems.join("\n"));
  await mkdir(path.dirname(articleSetFile(root, language)), { recursive: true });
  await writeFile(articleSetFile(root, language), formatArticleSet(articles));
  console.log(`Wrote ${articles.length} articles, ${articles.reduce((sum, article) => sum + article.claims.length, 0)} claims to ${path.relative(root, articleSetFile(root, language))}`);
  summarize(articles);
}

/** The committed file: one line per article, one per claim (diffs show what changed). */
export function formatArticleSet(articles: AnnotatedArticle[]): string {
  const lines = articles.map(({ claims, ...article }) => {
    const head = Object.entries(article).map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`);
    return `  {${head.join(", ")}, "claims": [\n${claims.map((claim) => `    ${JSON.stringify(claim)}`).join(",\n")}\n  ]}`;
  });
  return `[\n${lines.join(",\n")}\n]\n`;
}

function summarize(articles: AnnotatedArticle[]) {
  for (const split of articleSplits) {
    const inSplit = articles.filter((article) => article.split === split);
    const outlets = new Set(inSplit.map((article) => article.outlet));
    const claims = inSplit.reduce((sum, article) => sum + article.claims.length, 0);
    console.log(`  ${split}: ${inSplit.length} articles from ${outlets.size} outlets, ${claims} claims`);
  }
}

async function check(language: Language) {
  const articles = await readArticleSet(root, language);
  if (!articles) throw new Error(`${path.relative(root, articleSetFile(root, language))} does not exist`);
  const problems = articleSetProblems(articles);
  const { present, skipped } = await readLocalArticles(root, language, articles);
  for (const skip of skipped) console.log(`  skipped ${skip.id}: ${skip.reason}`);
  console.log(`${language}: ${articles.length} articles, ${present.length} local copies match their annotations`);
  summarize(articles);
  if (problems.length > 0) throw new Error(problems.join("\n"));
}

/** The stored copy's own line before the text (" date 2022-10-10 "), not part of the page. */
const storedDateLine = /^\s*date \d{4}-\d{2}-\d{2}\s+/u;

/**
 * The ways a page's text may have been trimmed before it was annotated, the likeliest first: cut after its last
 * full sentence (a stored copy may stop mid-word), whole, cut before its last paragraph; each without the stored
 * copy's date line, then with it.
 */
export function trimmings(raw: string): string[] {
  const variants = (text: string) => {
    const lastSentence = /[.!?…]["”’'»)]*(?=\s[^.!?…]*$)/u.exec(text);
    const lastParagraph = text.lastIndexOf("\n");
    return [lastSentence ? text.slice(0, lastSentence.index + lastSentence[0].length) : text, text, lastParagraph > 0 ? text.slice(0, lastParagraph).trim() : text];
  };
  const normalized = raw.replace(/\r\n?/gu, "\n");
  const candidates = [...variants(normalized.replace(storedDateLine, "").trim()), ...variants(normalized.trim()), raw];
  // Some copies were annotated with the line break that ended the file.
  return [...new Set([...candidates, ...candidates.map((text) => `${text}\n`)])];
}

/** Finds each claim again in `text` by its length and hash, nearest its old offset first; null for a claim not found. */
export function reanchor(text: string, claims: AnnotatedClaim[]): (AnnotatedClaim | null)[] {
  return claims.map((claim) => {
    const length = claim.end - claim.start;
    const found: number[] = [];
    for (let at = 0; at + length <= text.length; at++) if (claimSha(text.slice(at, at + length)) === claim.sha) found.push(at);
    if (found.length === 0) return null;
    const at = found.reduce((best, candidate) => (Math.abs(candidate - claim.start) < Math.abs(best - claim.start) ? candidate : best));
    return { ...claim, start: at, end: at + length };
  });
}

const recoveredDir = (language: Language) => path.join(localArticleDir(root, language), "recovered");

/** Writes the re-anchored entries waiting in recovered/ into the committed file (one writer, however many recovered). */
async function applyRecovered(language: Language) {
  const articles = (await readArticleSet(root, language)) ?? [];
  let applied = 0;
  for (const name of await readdir(recoveredDir(language)).catch(() => [] as string[])) {
    const entry = annotatedArticleSchema.parse(JSON.parse(await readFile(path.join(recoveredDir(language), name), "utf8")));
    const index = articles.findIndex((article) => article.id === entry.id);
    if (index < 0) throw new Error(`${name}: no article ${entry.id}`);
    articles[index] = entry;
    await rm(path.join(recoveredDir(language), name));
    applied++;
  }
  await writeFile(articleSetFile(root, language), formatArticleSet(articles));
  console.log(`${language}: ${applied} re-anchored entries written`);
}

async function recover(language: Language, id: string) {
  const articles = await readArticleSet(root, language);
  const article = articles?.find((candidate) => candidate.id === id);
  if (!articles || !article) throw new Error(`no article ${id} in ${path.relative(root, articleSetFile(root, language))}`);
  const raw = await readFile(path.join(localArticleDir(root, language), "raw", `${id}.txt`), "utf8");
  const target = localArticleFile(root, language, article);
  await mkdir(path.dirname(target), { recursive: true });
  const sidecar = path.join(recoveredDir(language), `${id}.json`);
  const exact = trimmings(raw).find((text) => textMismatch(article, text) === null);
  if (exact !== undefined) {
    await writeFile(target, exact);
    await rm(sidecar, { force: true });
    console.log(`${id}: the annotated text, unchanged`);
    return;
  }
  for (const text of trimmings(raw)) {
    const claims = reanchor(text, article.claims);
    if (claims.some((claim) => claim === null)) continue;
    const moved = claims.filter((claim, index) => claim!.start !== article.claims[index]!.start).length;
    const entry: AnnotatedArticle = { ...article, sha256: sha256Hex(text), length: text.length, claims: claims as AnnotatedClaim[] };
    await mkdir(recoveredDir(language), { recursive: true });
    await writeFile(sidecar, JSON.stringify(entry));
    await writeFile(target, text);
    console.log(`${id}: re-anchored all ${claims.length} claims (${moved} moved); \`recover ${language}\` writes its new sha256 and offsets`);
    return;
  }
  const claims = reanchor(trimmings(raw)[1]!, article.claims); // the whole text without the date line
  const missing = article.claims.filter((_, index) => claims[index] === null);
  throw new Error(
    `${id}: ${missing.length} of ${article.claims.length} claims not found in the copy (annotated at ${missing.map((claim) => `${claim.start}–${claim.end}`).join(", ")} of ${article.length} characters); ` +
      "check that the copy is the page's text verbatim",
  );
}

async function sentences(language: Language, target: string) {
  const [split, id] = target.split("/");
  if (!split || !id || !articleSplits.includes(split as (typeof articleSplits)[number])) throw new Error(`name the article as <split>/<id>, got "${target}"`);
  const text = await readFile(localArticleFile(root, language, { split: split as (typeof articleSplits)[number], id }), "utf8");
  segmentArticle(text).forEach((segment, index) => console.log(`[${index}] ${text.slice(segment.start, segment.end)}`));
}

async function main() {
  const [command, language, target] = process.argv.slice(2);
  if (language !== "en" && language !== "id") throw new Error(`the language must be "en" or "id", got "${language}"`);
  if (command === "build") await build(language);
  else if (command === "check") await check(language);
  else if (command === "sentences" && target) await sentences(language, target);
  else if (command === "recover") await (target ? recover(language, target) : applyRecovered(language));
  else throw new Error("usage: claim-articles.ts sentences <language> <split>/<id> | build <language> | check <language> | recover <language> <id>");
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    await main();
  } catch (error) {
    console.error(`claim-articles failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
