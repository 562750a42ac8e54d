// Every change of a fact-check is recorded the same way, inside its transaction: the article's status follows
// the fact-check (published, back on the desk), the audit log says who did what, before and after, and our own
// known fact-checks ("Checked before", app/publishing/known-fact-checks.server.ts) follow the current version.
import { recordAudit } from "~/audit/audit.server";
import type { Actor } from "~/auth/actor";
import type { Prisma } from "~/generated/prisma/client";
import type { ArticleStatus } from "~/generated/prisma/enums";
import { syncOwnFactChecks } from "~/publishing/known-fact-checks.server";

export type FactCheckChange = {
  action: "factcheck.publish" | "factcheck.correct" | "factcheck.republish" | "factcheck.withdraw";
  /** The article's status from now on; left as it is when absent (a correction of a live page). */
  articleStatus?: ArticleStatus;
  before?: unknown;
  after: unknown;
};

export async function recordFactCheckChange(
  tx: Prisma.TransactionClient,
  actor: Actor,
  factCheck: { id: string; articleId: string },
  change: FactCheckChange,
) {
  if (change.articleStatus) await tx.article.update({ where: { id: factCheck.articleId }, data: { status: change.articleStatus } });
  await recordAudit(tx, { actorId: actor.id, action: change.action, entityType: "FactCheck", entityId: factCheck.id, before: change.before, after: change.after });
  await syncOwnFactChecks(tx, factCheck.id);
}
