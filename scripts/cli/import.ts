// `factdesk import FILE|URL [--as EMAIL]`: imports an article into the configured database and prints
// its id and address. Uses DATABASE_URL, or else the embedded database in DATA_DIR (refused while a
// running Factdesk holds it). Bad input exits 2 with the same message the import page gives.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { importArticle } from "../../app/articles/articles.server.ts";
import type { ArticleDraft } from "../../app/articles/import/draft.ts";
import { draftFromFile } from "../../app/articles/import/file.server.ts";
import { draftFromUrl } from "../../app/articles/import/url.server.ts";
import { ImportError } from "../../app/articles/text.ts";
import { articleLimits } from "../../app/articles/text.ts";
import { loadActor } from "../../app/auth/actor.server.ts";
import { userCan } from "../../app/auth/permissions.ts";
import { prisma } from "../../app/db/client.server.ts";
import { translator } from "../../app/i18n/i18n.ts";
import { serverEnv } from "../../app/utils/env.server.ts";
import { withConfiguredDatabase } from "./database.ts";
import { parsedOrUsage, usageError } from "./arguments.ts";

const usageLine = "Usage: factdesk import FILE|URL [--as EMAIL]";

function isUrl(target: string) {
  return /^[a-z][a-z0-9+.-]*:/i.test(target) && !/^[a-z]:[\\/]/i.test(target);
}

async function readDraft(target: string): Promise<ArticleDraft> {
  if (isUrl(target)) return draftFromUrl(target);
  let bytes: Buffer;
  try {
    bytes = await readFile(target);
  } catch (error) {
    throw usageError(`cannot read ${target}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`);
  }
  return draftFromFile({ name: path.basename(target), type: "", bytes: new Uint8Array(bytes) });
}

function importMessage(error: ImportError) {
  const t = translator("en");
  const detail = error.detail ?? {};
  return t(error.messageKey, {
    limitMb: Math.round(articleLimits.maxBytes / (1024 * 1024)),
    status: detail.status ?? "",
    detail: typeof detail.type === "string" ? `: ${detail.type}` : "",
  });
}

export async function run(args: string[]): Promise<void> {
  const { values, positionals } = parsedOrUsage(
    () => parseArgs({ args, allowPositionals: true, options: { as: { type: "string" }, help: { type: "boolean", short: "h" } } }),
    usageLine,
  );
  if (values.help) return void console.log(usageLine);
  if (positionals.length !== 1) throw usageError(`expected one FILE or URL. ${usageLine}`);
  const target = positionals[0]!;

  let draft: ArticleDraft;
  try {
    draft = await readDraft(target);
  } catch (error) {
    if (error instanceof ImportError) throw usageError(importMessage(error));
    throw error;
  }

  const env = serverEnv();
  await withConfiguredDatabase(async () => {
    const importer = await prisma.user.findFirst({
      where: { active: true, ...(values.as ? { email: values.as.trim().toLowerCase() } : { role: { name: { in: ["admin", "editor"] } } }) },
      orderBy: { createdAt: "asc" },
      select: { id: true, email: true },
    });
    if (!importer) throw usageError(values.as ? `no active account ${values.as}` : "no active editor or admin to import as: create one first (open /setup)");
    // Held to the same rule as the import page: only a role that may create articles imports one.
    const actor = await loadActor(importer.id);
    if (!userCan(actor, "create:article:any")) throw usageError(`${importer.email} may not import articles (their role cannot create articles)`);
    const outcome = await importArticle(actor, draft);
    const address = `${env.APP_URL ?? `http://localhost:${env.PORT}`}/articles/${outcome.articleId}`;
    if (outcome.created) console.log(`Imported "${draft.title}" as ${importer.email}\nid: ${outcome.articleId}\nurl: ${address}`);
    else console.log(`Already on the desk: "${outcome.title}"\nid: ${outcome.articleId}\nurl: ${address}`);
  });
}
