// `factdesk suggest [FILE|-] [--lang id|en|auto] [--min-score N]`: claim suggestions for a text, as JSON.
//
// Reads FILE (UTF-8), or standard input for `-` or no FILE, and prints the suggestions of
// app/claims/suggest.ts, pretty-printed: `[{ start, end, text, score, reasons, kind }]`, where start/end are
// UTF-16 offsets (JavaScript string indexes) into the text as read. Bad input (missing file, empty text,
// unknown option, bad --lang or --min-score) exits 2 with a one-line message.
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { defaultMinScore, suggestClaims, type Language } from "../../app/claims/suggest.ts";
import { parsedOrUsage, usageError } from "./arguments.ts";

const languages = ["id", "en", "auto"] as const;
const usageLine = "Usage: factdesk suggest [FILE|-] [--lang id|en|auto] [--min-score N]";


export async function run(args: string[]): Promise<void> {
  const { values, positionals } = parsedOrUsage(() => parse(args), usageLine);
  if (values.help) {
    console.log(usageLine);
    return;
  }
  if (positionals.length > 1) throw usageError(`expected at most one FILE, got ${positionals.length}: ${positionals.join(" ")}`);

  const language = values.lang ?? "auto";
  if (!(languages as readonly string[]).includes(language)) throw usageError(`--lang must be one of ${languages.join(", ")}, got "${language}"`);
  const minScore = values["min-score"] === undefined ? defaultMinScore : Number(values["min-score"]);
  if (values["min-score"] !== undefined && (values["min-score"].trim() === "" || !Number.isFinite(minScore) || minScore < 0 || minScore > 1)) {
    throw usageError(`--min-score must be a number from 0 to 1, got "${values["min-score"]}"`);
  }

  const file = positionals[0] ?? "-";
  const text = file === "-" ? await readStdin() : await readText(file);
  if (text.trim() === "") throw usageError(`the input text is empty (${file === "-" ? "standard input" : file})`);

  const suggestions = suggestClaims(text, { language: language as Language | "auto", minScore });
  const output = suggestions.map(({ start, end, text, score, reasons, kind }) => ({ start, end, text, score, reasons, kind }));
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
}

function parse(args: string[]) {
  return parseArgs({
    args,
    options: { lang: { type: "string" }, "min-score": { type: "string" }, help: { type: "boolean", short: "h" } },
    allowPositionals: true,
    strict: true,
  });
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : code === "EACCES" ? "permission denied" : (error as Error).message;
    throw usageError(`cannot read ${file}: ${reason}`);
  }
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw usageError("no input: give a FILE, or pipe the text to standard input");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}
