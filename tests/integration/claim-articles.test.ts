// The annotated news articles on disk (app/claims/article-files.server.ts) and the annotation helpers of
// scripts/claim-articles.ts, on a temporary project folder with texts written for these tests.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AnnotatedArticle, claimSha, sha256Hex } from "~/claims/article-eval";
import { articleSetFile, localArticleFile, readArticleSet, readLocalArticles } from "~/claims/article-files.server";
import { claimFromLine, formatArticleSet, reanchor, segmentArticle, trimmings } from "../../scripts/claim-articles";

const text = "Harbour closed\nThe port authority said on Monday that 12 ships were turned away. Lt. Ana Ruiz confirmed it.\nWill it reopen?";

describe("segmentArticle and claimFromLine", () => {
  const segments = segmentArticle(text);
  const segmentTexts = segments.map((segment) => text.slice(segment.start, segment.end));

  it("cuts lines into sentences, not after an abbreviated title", () => {
    expect(segmentTexts).toEqual(["Harbour closed", "The port authority said on Monday that 12 ships were turned away.", "Lt. Ana Ruiz confirmed it.", "Will it reopen?"]);
  });

  it("turns a numbered segment, a range of segments and a fragment into offsets with the claim's hash", () => {
    const sentence = claimFromLine(text, segments, "1 reported_speech");
    expect(text.slice(sentence.start, sentence.end)).toBe(segmentTexts[1]);
    expect(sentence).toMatchObject({ kind: "reported_speech", sha: claimSha(segmentTexts[1]!) });
    const range = claimFromLine(text, segments, "1-2 event");
    expect(text.slice(range.start, range.end)).toBe(`${segmentTexts[1]} ${segmentTexts[2]}`);
    const fragment = claimFromLine(text, segments, "1 figure | 12 ships");
    expect(text.slice(fragment.start, fragment.end)).toBe("12 ships");
  });

  it("refuses a fragment that is not in its segment, a range across paragraphs and a malformed line", () => {
    expect(() => claimFromLine(text, segments, "2 figure | 12 ships")).toThrow(/not in the segment/);
    expect(() => claimFromLine(text, segments, "0-1 event")).toThrow(/different paragraphs/);
    expect(() => claimFromLine(text, segments, "figure 1")).toThrow(/is not/);
    expect(() => claimFromLine(text, segments, "9 event")).toThrow(/no such segment/);
  });
});

describe("readArticleSet and readLocalArticles", () => {
  let root: string;
  const claim = { start: text.indexOf("The port"), end: text.indexOf("Lt.") - 1 };
  const article = (id: string): AnnotatedArticle => ({
    id,
    url: `https://news.example.org/${id}`,
    outlet: "news.example.org",
    split: "heldout",
    sha256: sha256Hex(text),
    length: text.length,
    claims: [{ ...claim, sha: claimSha(text.slice(claim.start, claim.end)), kind: "reported_speech" }],
  });
  const articles = [article("own-present"), article("own-changed"), article("own-missing")];

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "factdesk-claim-articles-"));
    await mkdir(path.dirname(articleSetFile(root, "en")), { recursive: true });
    await writeFile(articleSetFile(root, "en"), JSON.stringify(articles));
    await mkdir(path.dirname(localArticleFile(root, "en", articles[0]!)), { recursive: true });
    await writeFile(localArticleFile(root, "en", articles[0]!), text);
    await writeFile(localArticleFile(root, "en", articles[1]!), text.replace("12 ships", "13 ships"));
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("reads a language's annotations, and says null for a language that has none", async () => {
    expect((await readArticleSet(root, "en"))?.map((entry) => entry.id)).toEqual(["own-present", "own-changed", "own-missing"]);
    expect(await readArticleSet(root, "id")).toBeNull();
  });

  it("evaluates only local copies that match their annotation, and says why it skipped the others", async () => {
    const { present, skipped } = await readLocalArticles(root, "en", articles);
    expect(present).toEqual([{ id: "own-present", split: "heldout", claims: articles[0]!.claims, text }]);
    expect(skipped).toEqual([
      { id: "own-changed", reason: expect.stringMatching(/^local copy changed: its sha256 differs/) },
      { id: "own-missing", reason: "no local copy" },
    ]);
  });

  it("refuses an annotation file that carries text", async () => {
    await writeFile(articleSetFile(root, "id"), JSON.stringify([{ ...article("own-texty"), text }]));
    await expect(readArticleSet(root, "id")).rejects.toThrow(/text/);
  });
});

describe("recovering a local copy from a fresh copy of the page (trimmings, reanchor)", () => {
  const annotated = "The port authority said on Monday that 12 ships were turned away.\nLt. Ana Ruiz confirmed it.";
  const claims = [
    { start: 0, end: 65, sha: claimSha(annotated.slice(0, 65)), kind: "reported_speech" },
    { start: 66, end: annotated.length, sha: claimSha(annotated.slice(66)), kind: "event" },
  ];

  it("finds the annotated text among the trimmings of a stored copy: date line, trailing partial sentence, final line break", () => {
    expect(trimmings(` date 2024-03-04 ${annotated}\nThe harbour master decl`)).toContain(annotated);
    expect(trimmings(`${annotated}\n\n`)).toContain(annotated);
    expect(trimmings(annotated.replace(/\n/g, " ").trim())).not.toContain(annotated);
    expect(trimmings(annotated)).toContain(`${annotated}\n`);
  });

  it("finds each claim again by its length and hash when the page gained a header, and says null for one that changed", () => {
    const fresh = `Harbour news | Ports\n${annotated.replace("Ana Ruiz", "A. Ruiz")}`;
    const found = reanchor(fresh, claims);
    expect(fresh.slice(found[0]!.start, found[0]!.end)).toBe(annotated.slice(0, 65));
    expect(found[0]).toMatchObject({ kind: "reported_speech", sha: claims[0]!.sha, start: 21 });
    expect(found[1]).toBeNull();
  });

  it("writes one line per article and one per claim, and reads back the same set", () => {
    const article: AnnotatedArticle = { id: "a", url: "https://example.org/a", outlet: "example.org", split: "tuning", sha256: sha256Hex(annotated), length: annotated.length, claims };
    const file = formatArticleSet([article, { ...article, id: "b" }]);
    expect(JSON.parse(file)).toEqual([article, { ...article, id: "b" }]);
    expect(file.split("\n")).toHaveLength(2 + 2 * (1 + claims.length + 1) + 1);
  });
});
