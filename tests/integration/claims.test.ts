// Claims against a real PostgreSQL: spans, versions, split, merge, delete (recorded), suggestions.
import { describe, expect, it } from "vitest";
import {
  acceptSuggestions,
  ClaimConflict,
  ClaimSpanInvalid,
  createClaim,
  deleteClaim,
  dismissSuggestions,
  mergeClaims,
  splitClaim,
  updateClaim,
} from "~/claims/claims.server";
import { createSession, sessionCookieName, validateSessionToken } from "~/auth/session.server";
import { formValues } from "~/claims/merge";
import { prisma } from "~/db/client.server";
import { markNotCheckable } from "~/review/verdicts.server";
import { action as workspaceAction } from "~/routes/articles.$articleId";
import { createRequestContext } from "~/server/request-context";
import { actorOf, createArticle } from "../support/fixtures";

async function article(text: string) {
  const editor = await actorOf("editor");
  const { id } = await createArticle(editor.id, text);
  const body = (await prisma.article.findUniqueOrThrow({ where: { id }, select: { body: true } })).body;
  const span = (fragment: string) => {
    const start = body.indexOf(fragment);
    if (start < 0) throw new Error(`${fragment} not in body`);
    return { start, end: start + fragment.length };
  };
  return { editor, id, body, span };
}

const text = "Sekitar 10.000 tentara asal Korea Utara dilaporkan tiba di Kursk pada Senin (28/10/2024).\nKremlin menepis laporan itu sebagai berita palsu, kata juru bicara.";

describe("claims", () => {
  it("are created from a span at exact offsets, trimmed of surrounding whitespace", async () => {
    const { editor, id, body, span } = await article(text);
    const fragment = span("10.000 tentara");
    const claim = await createClaim(editor, id, { start: fragment.start - 1, end: fragment.end + 1 });
    expect(claim).toMatchObject({ ...fragment, quote: "10.000 tentara", wording: "10.000 tentara", version: 1, status: "UNASSIGNED" });
    expect(body.slice(claim.start, claim.end)).toBe("10.000 tentara");
    await expect(createClaim(editor, id, { start: 0, end: body.length + 5 })).rejects.toThrow(ClaimSpanInvalid);
    await expect(createClaim(editor, id, { start: 7, end: 8 })).rejects.toThrow(ClaimSpanInvalid); // one space
  });

  it("refuse a save based on an old version, and keep the newer one", async () => {
    const { editor, id, span } = await article(`${text} Satu.`);
    const claim = await createClaim(editor, id, span("Kremlin menepis laporan itu sebagai berita palsu"));
    const edit = { wording: "Kremlin calls it fake news", claimant: "Kremlin", claimDate: new Date("2024-10-28"), appearance: null };
    const saved = await updateClaim(editor, id, claim.id, 1, edit);
    expect(saved).toMatchObject({ version: 2, wording: "Kremlin calls it fake news", claimant: "Kremlin" });
    await expect(updateClaim(editor, id, claim.id, 1, { ...edit, wording: "stale" })).rejects.toThrow(ClaimConflict);
    expect((await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).wording).toBe("Kremlin calls it fake news");
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: claim.id, action: "claim.update" } });
    expect(audit.before).toMatchObject({ wording: "Kremlin menepis laporan itu sebagai berita palsu" });
    expect(audit.after).toMatchObject({ wording: "Kremlin calls it fake news" });
  });

  it("let exactly one of two concurrent saves win", async () => {
    const { editor, id, span } = await article(`${text} Dua.`);
    const claim = await createClaim(editor, id, span("10.000 tentara"));
    const results = await Promise.allSettled(
      ["first", "second"].map((wording) => updateClaim(editor, id, claim.id, 1, { wording, claimant: null, claimDate: null, appearance: null })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected" && r.reason instanceof ClaimConflict)).toHaveLength(1);
  });

  it("apply a save based on an old version when someone else changed only other fields, writing just the changed ones", async () => {
    const { editor, id, span } = await article(`${text} Enam.`);
    const other = await actorOf("editor");
    const claim = await createClaim(editor, id, span("Kremlin menepis laporan itu sebagai berita palsu"));
    const loaded = formValues(claim); // what both editors' forms showed at version 1
    const theirs = { wording: "Kremlin calls the reports fake news", claimant: null, claimDate: null, appearance: null };
    await updateClaim(other, id, claim.id, 1, theirs, loaded);

    // The editor, still at version 1, sets only the claimant: it applies, and the other wording stays.
    const mine = { wording: loaded.wording, claimant: "Kremlin", claimantKind: "Organization" as const, claimDate: null, appearance: null };
    const saved = await updateClaim(editor, id, claim.id, 1, mine, loaded);
    expect(saved).toMatchObject({ version: 3, wording: "Kremlin calls the reports fake news", claimant: "Kremlin", claimantKind: "Organization" });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: claim.id, action: "claim.update", actorId: editor.id } });
    expect(audit.before).toMatchObject({ wording: "Kremlin calls the reports fake news", claimant: null, version: 2 });
    expect(audit.after).toMatchObject({ wording: "Kremlin calls the reports fake news", claimant: "Kremlin", version: 3 });

    // A save that changes nothing writes nothing.
    expect(await updateClaim(editor, id, claim.id, 3, { ...mine, wording: saved.wording }, formValues(saved))).toMatchObject({ version: 3 });
  });

  it("refuse a save of a field someone else changed since it was loaded, naming the field and the person", async () => {
    const { editor, id, span } = await article(`${text} Tujuh.`);
    const other = await actorOf("editor", { name: "Dewi Anggraini" });
    const claim = await createClaim(editor, id, span("10.000 tentara asal Korea Utara"));
    const loaded = formValues(claim);
    await updateClaim(other, id, claim.id, 1, { wording: "Their wording", claimant: "NATO", claimDate: null, appearance: null }, loaded);

    const error = await updateClaim(editor, id, claim.id, 1, { wording: "My wording", claimant: "NATO", claimDate: null, appearance: null }, loaded).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ClaimConflict);
    expect((error as ClaimConflict).detail).toEqual({ fields: ["wording"], by: { id: other.id, name: "Dewi Anggraini" } });
    expect(await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({ wording: "Their wording", claimant: "NATO", version: 2 });

    // Having seen their version, the editor saves again from it: now it applies.
    const seen = formValues(await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } }));
    expect(await updateClaim(editor, id, claim.id, 2, { wording: "My wording", claimant: "NATO", claimDate: null, appearance: null }, seen)).toMatchObject({ wording: "My wording", version: 3 });
  });

  it("split in two at a word boundary, and merge back into one span", async () => {
    const { editor, id, body, span } = await article(`${text} Tiga.`);
    const claim = await createClaim(editor, id, span("10.000 tentara asal Korea Utara dilaporkan tiba di Kursk"));
    const at = body.indexOf("dilaporkan");
    const [firstId, secondId] = await splitClaim(editor, id, claim.id, 1, at);
    const [first, second] = await Promise.all([firstId, secondId].map((claimId) => prisma.claim.findUniqueOrThrow({ where: { id: claimId } })));
    expect(first!.quote).toBe("10.000 tentara asal Korea Utara");
    expect(second!.quote).toBe("dilaporkan tiba di Kursk");
    await expect(splitClaim(editor, id, firstId, first!.version, body.length)).rejects.toThrow(ClaimSpanInvalid);

    const mergedId = await mergeClaims(editor, id, [
      { id: secondId, version: second!.version },
      { id: firstId, version: first!.version },
    ]);
    expect(mergedId).toBe(firstId);
    const merged = await prisma.claim.findUniqueOrThrow({ where: { id: mergedId } });
    expect(merged.quote).toBe("10.000 tentara asal Korea Utara dilaporkan tiba di Kursk");
    const retired = await prisma.claim.findUniqueOrThrow({ where: { id: secondId } });
    expect(retired.deletedAt).not.toBeNull();
    expect(retired.mergedIntoId).toBe(firstId);
    await expect(mergeClaims(editor, id, [{ id: firstId, version: merged.version }])).rejects.toThrow(ClaimSpanInvalid);
  });

  it("are deleted on record: the row and its audit trail stay", async () => {
    const { editor, id, span } = await article(`${text} Empat.`);
    const claim = await createClaim(editor, id, span("berita palsu"));
    await deleteClaim(editor, id, claim.id, 1);
    const row = await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(row.deletedAt).not.toBeNull();
    const trail = await prisma.auditEvent.findMany({ where: { entityId: claim.id }, orderBy: { id: "asc" }, select: { action: true, actorId: true } });
    expect(trail).toEqual([
      { action: "claim.create", actorId: editor.id },
      { action: "claim.delete", actorId: editor.id },
    ]);
    await expect(deleteClaim(editor, id, claim.id, 2)).rejects.toThrow(ClaimConflict);
  });

  it("come from suggestions: one by one, or all above a score; dismissed ones stay out", async () => {
    const { editor, id } = await article(`${text} Lima.`);
    const suggestions = await prisma.claimSuggestion.findMany({ where: { articleId: id }, orderBy: { score: "desc" } });
    expect(suggestions.length).toBeGreaterThanOrEqual(2);
    await dismissSuggestions(editor, id, [suggestions[0]!.id]);
    expect(await acceptSuggestions(editor, id, { ids: [suggestions[0]!.id] })).toBe(0);
    expect(await acceptSuggestions(editor, id, { ids: [suggestions[1]!.id] })).toBe(1);
    const rest = await acceptSuggestions(editor, id, { minScore: 0 });
    expect(rest).toBe(suggestions.length - 2);
    const claims = await prisma.claim.findMany({ where: { articleId: id } });
    expect(claims).toHaveLength(suggestions.length - 1);
    for (const claim of claims) expect(suggestions.some((s) => s.start <= claim.start && s.end >= claim.end)).toBe(true);
  });
});

// The workspace's claim actions (POST /articles/:articleId) act only on the claims of the article in the
// address, and never change a settled claim.
describe("the workspace's claim actions", () => {
  async function editorSession() {
    const editor = await actorOf("editor");
    const token = await createSession(editor.id, null);
    return { ...editor, token, user: (await validateSessionToken(token))! };
  }
  async function post(token: string, articleId: string, form: Record<string, string | string[]>) {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(form)) for (const one of [value].flat()) body.append(name, one);
    const request = new Request(`http://localhost/articles/${articleId}`, {
      method: "POST",
      headers: { Cookie: `${sessionCookieName}=${token}`, "Content-Type": "application/x-www-form-urlencoded" },
      body,
    });
    const context = createRequestContext({ cspNonce: "", clientIp: "127.0.0.1" });
    const answer = await workspaceAction({ request, params: { articleId }, context } as never);
    return answer instanceof Response ? { status: answer.status, notice: null } : { status: answer.init?.status ?? 200, notice: (answer.data as { notice?: { key: string } }).notice?.key ?? null };
  }
  const snapshot = (claimId: string) => prisma.claim.findUniqueOrThrow({ where: { id: claimId }, select: { wording: true, start: true, end: true, version: true, deletedAt: true, status: true } });

  it("refuse a claim of another article with 404 and change nothing", async () => {
    const editor = await editorSession();
    const { id: here, span } = await article(`${text} Delapan.`);
    const { id: elsewhere } = await createArticle(editor.id, `${text} Artikel lain.`);
    const mine = await createClaim(editor, here, span("10.000 tentara"));
    const foreign = await createClaim(editor, elsewhere, { start: 0, end: 40 });
    const foreignBefore = await snapshot(foreign.id);
    const forms: Record<string, string | string[]>[] = [
      { intent: "updateClaim", claimId: foreign.id, version: "1", wording: "Rewritten through another article" },
      { intent: "splitClaim", claimId: foreign.id, version: "1", at: "8" },
      { intent: "deleteClaim", claimId: foreign.id, version: "1" },
      { intent: "mergeClaims", claimId: [`${mine.id}:1`, `${foreign.id}:1`] },
    ];
    for (const form of forms) expect(await post(editor.token, here, form), String(form.intent)).toEqual({ status: 404, notice: "error.404" });
    expect(await snapshot(foreign.id)).toEqual(foreignBefore);
    expect(await snapshot(mine.id)).toMatchObject({ version: 1, deletedAt: null });
    expect(await prisma.claim.count({ where: { articleId: elsewhere } })).toBe(1);
  });

  it("refuse to edit, split, merge or delete a settled claim, not checkable or approved (409, a message), and merging a claim with itself (400)", async () => {
    const editor = await editorSession();
    const { id, body, span } = await article(`${text} Sembilan.`);
    const open = await createClaim(editor, id, span("10.000 tentara asal Korea Utara"));
    const settled = await createClaim(editor, id, span("Kremlin menepis laporan itu"));
    await markNotCheckable(editor.user, { claimId: settled.id, claimVersion: 1, reason: "Opini, bukan fakta." });
    const before = await snapshot(settled.id);
    expect(before.status).toBe("NOT_CHECKABLE");
    const forms: Record<string, string | string[]>[] = [
      { intent: "updateClaim", claimId: settled.id, version: String(before.version), wording: "Quietly reworded" },
      { intent: "splitClaim", claimId: settled.id, version: String(before.version), at: String(body.indexOf("laporan")) },
      { intent: "deleteClaim", claimId: settled.id, version: String(before.version) },
      { intent: "mergeClaims", claimId: [`${open.id}:1`, `${settled.id}:${before.version}`] },
    ];
    for (const form of forms) expect(await post(editor.token, id, form), String(form.intent)).toEqual({ status: 409, notice: "workspace.settled" });
    expect(await snapshot(settled.id)).toEqual(before);
    expect(await snapshot(open.id)).toMatchObject({ version: 1, deletedAt: null });

    // An approved claim (the other settled state) the same way.
    const approved = await createClaim(editor, id, span("juru bicara"));
    await prisma.claim.update({ where: { id: approved.id }, data: { status: "APPROVED", version: { increment: 1 } } });
    const approvedBefore = await snapshot(approved.id);
    const onApproved: Record<string, string | string[]>[] = [
      { intent: "updateClaim", claimId: approved.id, version: String(approvedBefore.version), wording: "Quietly reworded" },
      { intent: "splitClaim", claimId: approved.id, version: String(approvedBefore.version), at: String(approvedBefore.start + 5) },
      { intent: "deleteClaim", claimId: approved.id, version: String(approvedBefore.version) },
      { intent: "mergeClaims", claimId: [`${open.id}:1`, `${approved.id}:${approvedBefore.version}`] },
    ];
    for (const form of onApproved) expect(await post(editor.token, id, form), `${String(form.intent)} on an approved claim`).toEqual({ status: 409, notice: "workspace.settled" });
    expect(await snapshot(approved.id)).toEqual(approvedBefore);
    expect(await snapshot(open.id)).toMatchObject({ version: 1, deletedAt: null });

    expect(await post(editor.token, id, { intent: "mergeClaims", claimId: [`${open.id}:1`, `${open.id}:1`] })).toEqual({ status: 400, notice: "workspace.mergeSame" });
    expect(await snapshot(open.id)).toMatchObject({ version: 1, deletedAt: null });
  });
});
