// How much "Checked before" adds to the claims workspace (app/routes/articles.$articleId.tsx): an article with
// ~100 claims and open suggestions, against ~1,000 known fact-checks. Runs on its own:
//   npx tsx scripts/bench/workspace-checked-before.ts [--runs N]
// Creates a throwaway database `factdesk_bench_cb_<pid>` on the local PostgreSQL (BENCH_PG_ADMIN_URL, default
// postgresql://root@127.0.0.1:5432/postgres), migrates it, fills it and drops it.
//
// Rows (median of N runs, after a warm-up):
//   workspace query       what the loader awaits, before and after this feature (getArticleWorkspace)
//   matches, cold         checkedBeforeInWorkspace right after known fact-checks changed (nothing remembered),
//                         at 1, 4 (what the workspace uses) and 8 lookups at a time
//   matches, remembered   the same on a reload with nothing changed (live cache)
// The loader does not wait for the matches (they stream in after the text and claims), so "before → after"
// for the loader is the first row; the cold row is how long the "Checked before" lists take to appear after a
// change to known fact-checks. Printed, never asserted.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { defaultAdminUrl, withThrowawayDatabase } from "../throwaway-database.ts";
import { formatTable, type Column } from "./table.ts";

type Known = { claimReviewed: string; datePublished: string; language: "id" | "en"; author: { name: string }; reviewRating: { alternateName: string } };
type Query = { text: string; language: "id" | "en" };

const root = path.resolve(import.meta.dirname, "../..");
const adminUrl = process.env.BENCH_PG_ADMIN_URL || defaultAdminUrl;
const databaseName = `factdesk_bench_cb_${process.pid}`;
const knownCount = 1_000;
const claimCount = 55;
const suggestionCount = 50;
const places = ["Jakarta", "Bekasi", "Surabaya", "Medan", "Makassar", "Bandung", "Semarang", "Palembang", "Denpasar", "Kupang"];

const readJson = async <T>(relative: string): Promise<T> => JSON.parse(await readFile(path.join(root, relative), "utf8")) as T;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  const { values } = parseArgs({ options: { runs: { type: "string", default: "15" } }, strict: true });
  const runs = Math.max(3, Number(values.runs) || 15);
  await withThrowawayDatabase(databaseName, adminUrl, async (databaseUrl) => {
    process.env.DATABASE_URL = databaseUrl;
    const { reloadServerEnv } = await import("../../app/utils/env.server.ts");
    reloadServerEnv();
    const { prisma, disconnectDatabase } = await import("../../app/db/client.server.ts");
    const { upsertKnownFactChecks } = await import("../../app/matching/match.server.ts");
    const { announceKnownFactChecksChanged, checkedBeforeEach, checkedBeforeInWorkspace, workspaceCheckedBeforeLimit } = await import(
      "../../app/matching/checked-before.server.ts"
    );
    const { getArticleWorkspace, importArticle } = await import("../../app/articles/articles.server.ts");
    const { draftFromPaste } = await import("../../app/articles/import/paste.ts");
    const { loadActor } = await import("../../app/auth/actor.server.ts");
    const { createClaim } = await import("../../app/claims/claims.server.ts");
    const { liveBus } = await import("../../app/live/bus.server.ts");
    try {
      // ~1,000 known Indonesian fact-checks: the labelled set's, each again with other numbers and places.
      const known = (await readJson<Known[]>("app/matching/corpus/known.json")).filter((k) => k.language === "id");
      await upsertKnownFactChecks(
        Array.from({ length: knownCount }, (_, i) => {
          const base = known[i % known.length]!;
          const round = Math.floor(i / known.length);
          const claimReviewed = round === 0 ? base.claimReviewed : `${base.claimReviewed.replace(/\d+/g, (d) => String(Number(d) + round * 7))} di ${places[round % places.length]}`;
          return {
            url: `https://cektetangga.example/bench/${i}`,
            claimReviewed,
            language: "id" as const,
            publisher: base.author.name,
            rating: base.reviewRating.alternateName,
            datePublished: new Date(`${base.datePublished}T00:00:00Z`),
            source: "feed" as const,
          };
        }),
      );
      // An article of ~100 sentences (the labelled set's new claims): the first ones claimed, the rest suggested.
      const sentences = (await readJson<Query[]>("app/matching/corpus/queries.json")).filter((q) => q.language === "id").map((q) => q.text.replace(/[.!?]*$/, "."));
      const body = sentences.slice(0, claimCount + suggestionCount).join(" ");
      const role = await prisma.role.findUniqueOrThrow({ where: { name: "editor" }, select: { id: true } });
      const user = await prisma.user.create({ data: { email: `bench-${randomUUID().slice(0, 8)}@bench.example`, name: "Bench editor", passwordHash: "-", roleId: role.id }, select: { id: true } });
      const editor = await loadActor(user.id);
      const { articleId } = await importArticle(editor, draftFromPaste({ title: "Bench article", body }));
      await prisma.article.update({ where: { id: articleId }, data: { language: "id" } });
      const stored = (await prisma.article.findUniqueOrThrow({ where: { id: articleId }, select: { body: true } })).body;
      const spans = sentences.slice(0, claimCount + suggestionCount).map((sentence) => ({ start: stored.indexOf(sentence), end: stored.indexOf(sentence) + sentence.length }));
      for (const span of spans.slice(0, claimCount)) if (span.start >= 0) await createClaim(editor, articleId, span);
      await prisma.claimSuggestion.deleteMany({ where: { articleId } });
      await prisma.claimSuggestion.createMany({ data: spans.slice(claimCount).filter((s) => s.start >= 0).map((span) => ({ articleId, ...span, score: 0.6, reasons: [] })) });

      const article = (await getArticleWorkspace(editor, articleId))!;
      const items = article.claims.length + article.suggestions.length;
      const time = async (work: () => Promise<unknown>, before?: () => Promise<void>) => {
        if (before) await before();
        await work();
        const times: number[] = [];
        for (let i = 0; i < runs; i++) {
          if (before) await before();
          const start = performance.now();
          await work();
          times.push(performance.now() - start);
        }
        return { medianMs: median(times), minMs: Math.min(...times), maxMs: Math.max(...times) };
      };
      const requests = [
        ...article.claims.map((claim) => ({ key: claim.id, text: claim.wording, excludeClaimId: claim.id })),
        ...article.suggestions.map((s) => ({ key: s.id, text: article.body.slice(s.start, s.end) })),
      ];
      const cold = (concurrency: number) => () => checkedBeforeEach(requests, { language: "id", limit: workspaceCheckedBeforeLimit, concurrency });
      // This process's own announcement forgets at once (bus.server.ts), so every cold run starts empty.
      const forget = () => announceKnownFactChecksChanged();
      const found = await checkedBeforeInWorkspace(article);
      const rows = [
        { name: "workspace query (loader, before = after)", ...(await time(() => getArticleWorkspace(editor, articleId))) },
        { name: "matches, cold, 1 at a time", ...(await time(cold(1), forget)) },
        { name: "matches, cold, 4 at a time (workspace)", ...(await time(cold(4), forget)) },
        { name: "matches, cold, 8 at a time", ...(await time(cold(8), forget)) },
        { name: "matches, remembered (reload)", ...(await time(() => checkedBeforeInWorkspace(article))) },
      ];
      const ms = (value: number) => value.toFixed(value < 10 ? 2 : 1);
      const columns: Column<(typeof rows)[number]>[] = [
        { header: "step", align: "left", value: (row) => row.name },
        { header: "median ms", value: (row) => ms(row.medianMs) },
        { header: "min ms", value: (row) => ms(row.minMs) },
        { header: "max ms", value: (row) => ms(row.maxMs) },
      ];
      console.log(`Checked before in the workspace: ${article.claims.length} claims + ${article.suggestions.length} suggestions (${items} items), ${knownCount} known fact-checks, ${runs} runs each`);
      console.log(formatTable(columns, rows));
      console.log(`${Object.keys(found).length} of ${items} items have at least one match (${Object.values(found).filter((m) => m.some((x) => x.likelySame)).length} likely the same)`);
      await liveBus().close();
    } finally {
      await disconnectDatabase();
    }
  });
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
