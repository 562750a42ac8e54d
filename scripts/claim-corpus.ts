// `npm run claims:eval`: precision, recall and F1 of the claim suggester on the labelled corpus
// (app/claims/corpus/{id,en}.json), per language, with the misclassified sentences listed; then, per language
// and split (tuning, heldout), on the hand-annotated news articles (app/claims/articles/{id,en}.json) whose
// local copies are present and unchanged (.data/claims-articles/, see scripts/claim-articles.ts), with the
// missed claims listed by offsets. Missing or changed copies are skipped with a note.
//
// Options: --min-score N   threshold a suggestion must reach (default: the module's defaultMinScore)
//          --show-text     print the text of each missed claim (local copies only; never paste it into the repository)
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { articleSplits, evaluateArticles, formatArticleReport } from "../app/claims/article-eval.ts";
import { localArticleDir, readArticleSet, readLocalArticles } from "../app/claims/article-files.server.ts";
import { corpusSchema, evaluateCorpus, formatCorpusReport } from "../app/claims/corpus-eval.ts";
import { defaultMinScore, type Language } from "../app/claims/suggest.ts";

const root = path.resolve(import.meta.dirname, "..");
const languages: Language[] = ["id", "en"];

async function main() {
  const { values } = parseArgs({ options: { "min-score": { type: "string" }, "show-text": { type: "boolean" } }, strict: true });
  const minScore = values["min-score"] === undefined ? defaultMinScore : Number(values["min-score"]);
  if (!Number.isFinite(minScore) || minScore < 0 || minScore > 1) throw new Error(`--min-score must be a number from 0 to 1, got "${values["min-score"]}".`);
  console.log(`Claim suggestions on the labelled corpus, threshold ${minScore}\n`);
  for (const language of languages) {
    const file = path.join(root, "app/claims/corpus", `${language}.json`);
    const corpus = corpusSchema.parse(JSON.parse(await readFile(file, "utf8")));
    console.log(formatCorpusReport(evaluateCorpus(corpus, language, minScore)));
    console.log("");
  }
  console.log(`Claim suggestions on hand-annotated news articles, threshold ${minScore}\n`);
  for (const language of languages) {
    const articles = await readArticleSet(root, language);
    if (!articles) {
      console.log(`${language}: no annotated articles (app/claims/articles/${language}.json is absent)\n`);
      continue;
    }
    const { present, skipped } = await readLocalArticles(root, language, articles);
    if (present.length === 0) {
      console.log(`${language}: the local copies of the ${articles.length} annotated articles are absent (${path.relative(root, localArticleDir(root, language))}/<split>/<id>.txt); no figures\n`);
      continue;
    }
    for (const skip of skipped) console.log(`${language}: skipped ${skip.id} (${skip.reason})`);
    for (const split of articleSplits) {
      const inSplit = present.filter((article) => article.split === split);
      if (inSplit.length === 0) console.log(`${language} ${split}: no local copies present`);
      else console.log(formatArticleReport(split, evaluateArticles(inSplit, language, minScore), values["show-text"] === true));
    }
    console.log("");
  }
}

try {
  await main();
} catch (error) {
  console.error(`claims:eval failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
