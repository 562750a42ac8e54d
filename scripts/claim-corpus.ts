// `npm run claims:eval`: precision, recall and F1 of the claim suggester on the labelled corpus
// (app/claims/corpus/{id,en}.json), per language, with the misclassified sentences listed.
//
// Options: --min-score N   threshold a suggestion must reach (default: the module's defaultMinScore)
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { corpusSchema, evaluateCorpus, formatCorpusReport } from "../app/claims/corpus-eval.ts";
import { defaultMinScore, type Language } from "../app/claims/suggest.ts";

const root = path.resolve(import.meta.dirname, "..");
const languages: Language[] = ["id", "en"];

async function main() {
  const { values } = parseArgs({ options: { "min-score": { type: "string" } }, strict: true });
  const minScore = values["min-score"] === undefined ? defaultMinScore : Number(values["min-score"]);
  if (!Number.isFinite(minScore) || minScore < 0 || minScore > 1) throw new Error(`--min-score must be a number from 0 to 1, got "${values["min-score"]}".`);
  console.log(`Claim suggestions on the labelled corpus, threshold ${minScore}\n`);
  for (const language of languages) {
    const file = path.join(root, "app/claims/corpus", `${language}.json`);
    const corpus = corpusSchema.parse(JSON.parse(await readFile(file, "utf8")));
    console.log(formatCorpusReport(evaluateCorpus(corpus, language, minScore)));
    console.log("");
  }
}

try {
  await main();
} catch (error) {
  console.error(`claims:eval failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
