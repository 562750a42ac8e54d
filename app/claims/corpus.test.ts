// The claim suggester on the labelled corpus (app/claims/corpus/*.json): recall first (an editor can dismiss a
// suggestion, but not see a claim that was never offered), with a precision floor. `npm run claims:eval` prints
// the same metrics and the misclassified sentences.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { corpusSchema, evaluateCorpus } from "./corpus-eval.ts";
import type { Language } from "./types.ts";

const load = (language: Language) =>
  corpusSchema.parse(JSON.parse(readFileSync(fileURLToPath(new URL(`./corpus/${language}.json`, import.meta.url)), "utf8")));

describe.each(["id", "en"] as const)("labelled corpus (%s)", (language) => {
  const corpus = load(language);

  it("is big enough, roughly balanced, without duplicates", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60);
    const positives = corpus.filter((entry) => entry.checkworthy).length / corpus.length;
    expect(positives).toBeGreaterThan(0.4);
    expect(positives).toBeLessThan(0.6);
    expect(new Set(corpus.map((entry) => entry.text)).size).toBe(corpus.length);
  });

  it("finds at least 90% of the check-worthy sentences, with precision of at least 0.85", () => {
    const metrics = evaluateCorpus(corpus, language);
    const misses = metrics.misclassified.map((entry) => `${entry.checkworthy ? "FN" : "FP"} ${entry.bestScore} ${entry.text}`);
    expect(metrics.recall, misses.join("\n")).toBeGreaterThanOrEqual(0.9);
    expect(metrics.precision, misses.join("\n")).toBeGreaterThanOrEqual(0.85);
    expect(metrics.f1).toBeGreaterThanOrEqual(0.85);
  });
});

describe("evaluateCorpus", () => {
  it("counts true and false positives and negatives", () => {
    const metrics = evaluateCorpus(
      [
        { text: "Polisi menangkap 12 tersangka pada Senin (28/10/2024).", checkworthy: true, note: "tp" },
        { text: "Saya pikir besok akan hujan.", checkworthy: false, note: "tn" },
        { text: "Langit biru sekali.", checkworthy: true, note: "fn" },
        { text: "Sebanyak 10.000 orang tewas dalam gempa itu.", checkworthy: false, note: "fp" },
      ],
      "id",
    );
    expect(metrics).toMatchObject({ truePositives: 1, trueNegatives: 1, falseNegatives: 1, falsePositives: 1, precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(metrics.misclassified.map((entry) => entry.note)).toEqual(["fn", "fp"]);
  });
});
