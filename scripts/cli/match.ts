// `factdesk match "TEXT"|- [--lang id|en|auto] [--limit N]`: the known fact-checks a claim may repeat, as JSON.
//
// Prints what people see under "Checked before?" (app/matching/match-lookup.server.ts), from the configured
// database (DATABASE_URL, or the embedded one in DATA_DIR), pretty-printed:
// `[{ url, claimReviewed, publisher, rating, datePublished, language, score, likelySame }]`, best first. TEXT is
// the claim itself; `-` reads it from standard input. `--lang auto` (the default) detects the language as
// `factdesk suggest` does. Bad input exits 2 with a one-line message, before the database is opened.
import { parseArgs } from "node:util";
import { translator } from "../../app/i18n/i18n.ts";
import { lookUpCheckedBefore } from "../../app/matching/match-lookup.server.ts";
import { matchLanguages, matchLimitDefault, matchLimitMax, MatchRequest, matchRequestProblem, matchTextLimit } from "../../app/matching/match-request.ts";
import { withConfiguredDatabase } from "./database.ts";
import { parsedOrUsage, usageError } from "./arguments.ts";

const usageLine = `Usage: factdesk match "TEXT"|- [--lang id|en|auto] [--limit N]`;

export async function run(args: string[]): Promise<void> {
  const { values, positionals } = parsedOrUsage(() => parse(args), usageLine);
  if (values.help) return void console.log(usageLine);
  if (positionals.length === 0) throw usageError(`no text to match: give the claim in quotes, or - to read it from standard input. ${usageLine}`);
  if (positionals.length > 1) throw usageError(`expected one TEXT, got ${positionals.length} words: put the claim in quotes. ${usageLine}`);

  const language = values.lang ?? "auto";
  if (!(matchLanguages as readonly string[]).includes(language)) throw usageError(`--lang must be one of ${matchLanguages.join(", ")}, got "${language}"`);
  const limitText = values.limit ?? String(matchLimitDefault);
  if (!/^\s*\d+\s*$/.test(limitText) || Number(limitText) < 1 || Number(limitText) > matchLimitMax) {
    throw usageError(`--limit must be a whole number from 1 to ${matchLimitMax}, got "${limitText}"`);
  }

  const text = positionals[0] === "-" ? await readStdin() : positionals[0]!;
  const request = MatchRequest.safeParse({ text, lang: language, limit: limitText });
  if (!request.success) {
    const { messageKey } = matchRequestProblem(request.error);
    throw usageError(translator("en")(messageKey, { limit: matchTextLimit.toLocaleString("en"), max: matchLimitMax }));
  }

  const matches = await withConfiguredDatabase(() => lookUpCheckedBefore(request.data.text, { language: request.data.lang, limit: request.data.limit }));
  process.stdout.write(`${JSON.stringify(matches, null, 2)}\n`);
}

function parse(args: string[]) {
  return parseArgs({
    args,
    options: { lang: { type: "string" }, limit: { type: "string" }, help: { type: "boolean", short: "h" } },
    allowPositionals: true,
    strict: true,
  });
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw usageError("no input: pipe the text to standard input, or give it in quotes instead of -");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}
