// Pure-function timing of claim suggestions (app/claims/suggest.ts), a section of `npm run bench`; also runs
// on its own: `npx tsx scripts/bench/suggest.ts`.
//
// Times suggestClaims on the sample article, and on ~100 KB and ~1 MB Indonesian texts assembled from the
// sample article and the labelled corpus (paragraphs of 2–5 sentences, numbers varied so no two paragraphs
// are the same), each after a warm-up, reporting the median. The 1 MB / 100 KB ratio shows whether the
// work grows linearly (10×). Targets: sample < 5 ms, 1 MB < 1 s, ratio < 12.
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { suggestClaims } from "../../app/claims/suggest.ts";
import { formatTable, type Column } from "./table.ts";

const root = path.resolve(import.meta.dirname, "../..");

export type SuggestionBenchRow = {
  name: string;
  characters: number;
  runs: number;
  medianMs: number;
  minMs: number;
  suggestions: number;
  /** The target for this row in ms, if any. */
  targetMs?: number;
};

export type SuggestionBench = { rows: SuggestionBenchRow[]; ratio: number };

/** Times the suggester, prints a table through `log`, and returns the numbers. */
export async function benchSuggestions(log: (line: string) => void = console.log): Promise<SuggestionBench> {
  const sample = readFileSync(path.join(root, "tests/fixtures/tribunnews-kursk-2024-10-28.txt"), "utf8");
  const sentences = [
    ...sample.split("\n").filter((line) => line.trim() && !/^baca juga/i.test(line)),
    ...(JSON.parse(readFileSync(path.join(root, "app/claims/corpus/id.json"), "utf8")) as Array<{ text: string }>).map((entry) => entry.text),
  ];
  const text100k = buildText(sentences, 100_000);
  const text1m = buildText(sentences, 1_000_000);

  log("Claim suggestions (pure function, this process): median after warm-up");
  const rows = [
    measure("sample article", sample, 20, 200, 5),
    measure("~100 KB text", text100k, 3, 11),
    measure("~1 MB text", text1m, 1, 5, 1000),
  ];
  const ratio = rows[2]!.medianMs / rows[1]!.medianMs;
  const ms = (value: number) => value.toFixed(value < 10 ? 2 : 1);
  const columns: Column<SuggestionBenchRow>[] = [
    { header: "input", align: "left", value: (row) => row.name },
    { header: "chars", value: (row) => row.characters.toLocaleString("en-US") },
    { header: "runs", value: (row) => String(row.runs) },
    { header: "median ms", value: (row) => ms(row.medianMs) },
    { header: "min ms", value: (row) => ms(row.minMs) },
    { header: "suggestions", value: (row) => row.suggestions.toLocaleString("en-US") },
    { header: "target", align: "left", value: (row) => (row.targetMs === undefined ? "" : `< ${row.targetMs} ms ${row.medianMs < row.targetMs ? "ok" : "MISSED"}`) },
  ];
  log(formatTable(columns, rows));
  const size = rows[2]!.characters / rows[1]!.characters;
  log(`1 MB / 100 KB time ratio: ${ratio.toFixed(1)}× for ${size.toFixed(1)}× the text (target < 12: ${ratio < 12 ? "ok" : "MISSED"}; linear ≈ ${size.toFixed(0)}×)`);
  return { rows, ratio };
}

function measure(name: string, text: string, warmups: number, runs: number, targetMs?: number): SuggestionBenchRow {
  let suggestions = 0;
  for (let i = 0; i < warmups; i++) suggestions = suggestClaims(text).length;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    suggestClaims(text);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { name, characters: text.length, runs, medianMs: times[Math.floor(times.length / 2)]!, minMs: times[0]!, suggestions, targetMs };
}

/**
 * About `size` characters of paragraphs (2–5 sentences each) drawn from `sentences` with a fixed seed, every
 * number shifted by the paragraph's index so paragraphs differ.
 */
export function buildText(sentences: string[], size: number): string {
  let seed = 0x2f6e2b1;
  const random = () => {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    return seed / 2 ** 32;
  };
  const paragraphs: string[] = [];
  let length = 0;
  for (let index = 0; length < size; index++) {
    const count = 2 + Math.floor(random() * 4);
    const picked = Array.from({ length: count }, () => sentences[Math.floor(random() * sentences.length)]!);
    const paragraph = picked.join(" ").replace(/\d+/g, (digits) => String(Number(digits) + (index % 97)));
    paragraphs.push(paragraph);
    length += paragraph.length + 1;
  }
  return paragraphs.join("\n").slice(0, size);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await benchSuggestions();
