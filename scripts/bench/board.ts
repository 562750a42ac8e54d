// A board at desk scale for the benchmark: one article with 300 claims shared among 20 reviewers.
import { importArticle } from "../../app/articles/articles.server.ts";
import { draftFromPaste } from "../../app/articles/import/paste.ts";
import { hashPassword } from "../../app/auth/password.server.ts";
import { createSession, validateSessionToken } from "../../app/auth/session.server.ts";
import { createClaim } from "../../app/claims/claims.server.ts";
import { disconnectDatabase, prisma } from "../../app/db/client.server.ts";
import { assignClaims } from "../../app/review/assignments.server.ts";
import { reloadServerEnv } from "../../app/utils/env.server.ts";

export async function prepareBoard(databaseUrl: string, claimCount = 300, reviewerCount = 20): Promise<{ articleId: string }> {
  process.env.DATABASE_URL = databaseUrl;
  reloadServerEnv(); // an earlier section (scripts/bench/match.ts) may have read the environment already
  try {
    const editorRow = await prisma.user.findUniqueOrThrow({ where: { email: "editor@example.org" }, select: { id: true } });
    const editor = (await validateSessionToken(await createSession(editorRow.id, "bench")))!;
    const reviewerRole = await prisma.role.findUniqueOrThrow({ where: { name: "reviewer" }, select: { id: true } });
    const passwordHash = await hashPassword("bench-reviewer-password");
    await prisma.user.createMany({
      data: Array.from({ length: reviewerCount }, (_, i) => ({ email: `bench-reviewer-${i}@example.org`, name: `Bench Reviewer ${i}`, passwordHash, roleId: reviewerRole.id })),
    });
    const reviewers = await prisma.user.findMany({ where: { email: { startsWith: "bench-reviewer-" } }, select: { id: true } });
    const lines = Array.from({ length: claimCount }, (_, i) => `Pejabat menyebut ${i + 1}.000 warga terdampak banjir di wilayah ${i + 1}, kata BPBD.`);
    const draft = draftFromPaste({ title: "Bench: papan dengan 300 klaim", body: lines.join("\n") });
    const { articleId } = await importArticle(editor, draft);
    const claimIds: string[] = [];
    let from = 0;
    for (const line of lines) {
      const start = draft.body.indexOf(line, from);
      claimIds.push((await createClaim(editor, articleId, { start, end: start + line.length })).id);
      from = start + line.length;
    }
    const share = Math.ceil((claimCount * 0.8) / reviewerCount); // a fifth stays unassigned
    for (let i = 0; i < reviewers.length; i++) {
      const ids = claimIds.slice(i * share, (i + 1) * share);
      if (ids.length) await assignClaims(editor, { claimIds: ids, reviewerId: reviewers[i]!.id, dueAt: new Date(Date.now() + i * 3_600_000), note: null });
    }
    return { articleId };
  } finally {
    await disconnectDatabase();
  }
}
