// Evaluation of claim suggestions on a labelled corpus (app/claims/corpus/*.json). Pure: corpus in, metrics
// out. A sentence counts as predicted check-worthy when suggestClaims on that sentence alone returns any
// suggestion at the given threshold (default: the module's default).
import { z } from "zod";
import { defaultMinScore, suggestClaims, type Language, type Suggestion } from "./suggest.ts";

export const corpusSchema = z.array(z.strictObject({ text: z.string().min(1), checkworthy: z.boolean(), note: z.string() })).min(1);

export type CorpusEntry = z.infer<typeof corpusSchema>[number];

export type Misclassified = CorpusEntry & {
  predicted: boolean;
  /** The best suggestion's score (0 when there was none at any score) and reasons, to see why. */
  bestScore: number;
  reasons: Suggestion["reasons"];
};

export type CorpusMetrics = {
  language: Language;
  total: number;
  truePositives: number;
  falsePositives: number;
  trueNegatives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  misclassified: Misclassified[];
};

/** numerator / denominator, 0 when there is nothing to divide by (no claims, no suggestions). */
export const ratio = (numerator: number, denominator: number) => (denominator === 0 ? 0 : numerator / denominator);

/** The harmonic mean of precision and recall. */
export const f1Of = (precision: number, recall: number) => ratio(2 * precision * recall, precision + recall);

export function evaluateCorpus(corpus: CorpusEntry[], language: Language, minScore = defaultMinScore): CorpusMetrics {
  let truePositives = 0;
  let falsePositives = 0;
  let trueNegatives = 0;
  let falseNegatives = 0;
  const misclassified: Misclassified[] = [];
  for (const entry of corpus) {
    const all = suggestClaims(entry.text, { language, minScore: 0 });
    const predicted = all.some((suggestion) => suggestion.score >= minScore && suggestion.reasons.length > 0);
    if (predicted && entry.checkworthy) truePositives++;
    else if (predicted) falsePositives++;
    else if (entry.checkworthy) falseNegatives++;
    else trueNegatives++;
    if (predicted !== entry.checkworthy) {
      const best = all.reduce<Suggestion | undefined>((top, suggestion) => (!top || suggestion.score > top.score ? suggestion : top), undefined);
      misclassified.push({ ...entry, predicted, bestScore: best?.score ?? 0, reasons: best?.reasons ?? [] });
    }
  }
  const precision = ratio(truePositives, truePositives + falsePositives);
  const recall = ratio(truePositives, truePositives + falseNegatives);
  return {
    language,
    total: corpus.length,
    truePositives,
    falsePositives,
    trueNegatives,
    falseNegatives,
    precision,
    recall,
    f1: f1Of(precision, recall),
    accuracy: ratio(truePositives + trueNegatives, corpus.length),
    misclassified,
  };
}

/** A plain-text report: one line of metrics, then the misclassified sentences with their best score. */
export function formatCorpusReport(metrics: CorpusMetrics): string {
  const pct = (value: number) => value.toFixed(3);
  const lines = [
    `${metrics.language}: ${metrics.total} sentences — precision ${pct(metrics.precision)}, recall ${pct(metrics.recall)}, F1 ${pct(metrics.f1)}, accuracy ${pct(metrics.accuracy)} ` +
      `(TP ${metrics.truePositives}, FP ${metrics.falsePositives}, TN ${metrics.trueNegatives}, FN ${metrics.falseNegatives})`,
  ];
  for (const miss of metrics.misclassified) {
    const label = miss.checkworthy ? "missed (FN)" : "false alarm (FP)";
    lines.push(`  ${label}, best ${miss.bestScore.toFixed(2)} [${miss.reasons.join(", ")}]: ${miss.text}`);
  }
  return lines.join("\n");
}
