// The one way tests make the newsroom's things, in the database the app under test uses: a person of a
// role (an Actor, as domain functions take one), a signed-in person (a SessionUser with their token),
// articles, claims, assignments, and the refusal a domain function throws.
import { randomUUID } from "node:crypto";
import { importArticle } from "~/articles/articles.server";
import { draftFromPaste } from "~/articles/import/paste";
import { loadActor } from "~/auth/actor.server";
import { hashPassword } from "~/auth/password.server";
import type { RoleName } from "~/auth/permissions";
import { createSession, validateSessionToken } from "~/auth/session.server";
import { createClaim } from "~/claims/claims.server";
import { prisma } from "~/db/client.server";
import { Refusal } from "~/utils/refusal";

export const testPassword = "correct horse battery";
let cachedHash: Promise<string> | undefined;

type PersonOverrides = { email?: string; name?: string; language?: string | null };

/** A new person of `role`, with their role's permissions: an Actor, as domain functions take one. */
export async function actorOf(role: RoleName, overrides: PersonOverrides = {}) {
  cachedHash ??= hashPassword(testPassword);
  const email = overrides.email ?? `${role}-${randomUUID().slice(0, 8)}@test.example`;
  const roleRow = await prisma.role.findUniqueOrThrow({ where: { name: role }, select: { id: true } });
  const person = await prisma.user.create({
    data: {
      email,
      name: overrides.name ?? `Test ${role} ${email.slice(0, 12)}`,
      passwordHash: await cachedHash,
      roleId: roleRow.id,
      language: overrides.language ?? null,
    },
    select: { id: true, email: true, name: true, role: { select: { permissions: { select: { permission: { select: { action: true, entity: true, access: true } } } } } } },
  });
  const { role: grants, ...rest } = person;
  return { ...rest, permissions: grants.permissions.map(({ permission: p }) => `${p.action}:${p.entity}:${p.access}`) };
}

/** A new person of `role`, signed in: the SessionUser a request would carry, and the session's token (its cookie value). */
export async function sessionOf(role: RoleName, overrides: PersonOverrides = {}) {
  const person = await actorOf(role, overrides);
  const token = await createSession(person.id, null);
  return { ...(await validateSessionToken(token))!, token };
}

/** An article imported (pasted) by `importerId`, through the same domain function as an import. */
export async function createArticle(importerId: string, body?: string) {
  const text =
    body ??
    `Pemerintah menyebut 1.200 sekolah rusak akibat banjir pada Senin (3/3/2025). Laporan ${randomUUID()}.\nKementerian membantah kabar bahwa dana bantuan dipotong 40 persen.`;
  const outcome = await importArticle(await loadActor(importerId), draftFromPaste({ title: `Artikel uji ${randomUUID().slice(0, 6)}`, body: text }));
  return { id: outcome.articleId };
}

/** A claim made by `editorId` on a new article of theirs, over `span` of its body. */
export async function claimOf(editorId: string, span = { start: 0, end: 40 }) {
  const { id: articleId } = await createArticle(editorId);
  const claim = await createClaim(await loadActor(editorId), articleId, span);
  return { articleId, claimId: claim.id };
}

/**
 * An Assignment row of `claimId` to `reviewerId` by `assignedById` (due at `dueAt`), written directly; the claim's
 * status is left as it is unless `claimStatus` says which it becomes (its version then moves on, as a save would).
 */
export async function assign(claimId: string, reviewerId: string, assignedById: string, options: { dueAt?: Date | null; claimStatus?: "ASSIGNED" } = {}) {
  const assignment = await prisma.assignment.create({ data: { claimId, reviewerId, assignedById, dueAt: options.dueAt ?? null }, select: { id: true } });
  if (options.claimStatus) await prisma.claim.update({ where: { id: claimId }, data: { status: options.claimStatus, version: { increment: 1 } } });
  return assignment;
}

/** A claim on a new article (titled `title` if given), assigned to `reviewerId` (Assignment row and ASSIGNED status written directly). */
export async function assignedClaim(reviewerId: string, title?: string) {
  const editor = await actorOf("editor");
  const { id: articleId } = await createArticle(editor.id);
  if (title !== undefined) await prisma.article.update({ where: { id: articleId }, data: { title } });
  const claim = await createClaim(editor, articleId, { start: 0, end: 40 });
  await assign(claim.id, reviewerId, editor.id, { claimStatus: "ASSIGNED" });
  const assigned = await prisma.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { id: true, version: true, wording: true } });
  return { ...assigned, articleId, title };
}

/** The error `work` was refused with — a Refusal, or the given kind (VerdictRefused, NotPermitted, …); anything else is rethrown. */
export async function refusal<Kind extends Error = Refusal>(work: Promise<unknown>, kind: abstract new (...args: never[]) => Kind = Refusal as never): Promise<Kind> {
  try {
    await work;
  } catch (error) {
    if (error instanceof kind) return error;
    throw error;
  }
  throw new Error(`expected a ${kind.name}`);
}
