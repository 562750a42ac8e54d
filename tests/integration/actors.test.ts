// Domain functions that change the newsroom's data check the permission their route requires themselves
// (docs/decisions/0016): a caller without a session — a script, a job — is held to the same rule.
import { describe, expect, it } from "vitest";
import { importArticle, setArticleLanguage } from "~/articles/articles.server";
import { draftFromPaste } from "~/articles/import/paste";
import { NotPermitted } from "~/auth/actor";
import { acceptSuggestions, createClaim, deleteClaim, dismissSuggestions, mergeClaims, splitClaim, updateClaim } from "~/claims/claims.server";
import { prisma } from "~/db/client.server";
import { getNewsroom, updateNewsroom } from "~/newsroom/settings.server";
import { createInvite, revokeInvite } from "~/people/invites.server";
import { changeRole, setActive } from "~/people/users.server";
import { actorOf, createArticle, refusal } from "../support/fixtures";

describe("domain functions check the permission of the change", () => {
  it("refuses a reviewer the workspace's changes (update:claim:any) and an import (create:article:any), writing nothing", async () => {
    const [editor, reviewer] = [await actorOf("editor"), await actorOf("reviewer")];
    const { id: articleId } = await createArticle(editor.id);
    const claim = await createClaim(editor, articleId, { start: 0, end: 40 });
    const audit = await prisma.auditEvent.count();
    const edit = { wording: "x", claimant: null, claimDate: null, appearance: null };
    for (const work of [
      createClaim(reviewer, articleId, { start: 0, end: 20 }),
      acceptSuggestions(reviewer, articleId, { minScore: 0 }),
      dismissSuggestions(reviewer, articleId, []),
      updateClaim(reviewer, articleId, claim.id, claim.version, edit),
      splitClaim(reviewer, articleId, claim.id, claim.version, 10),
      mergeClaims(reviewer, articleId, [{ id: claim.id, version: claim.version }]),
      deleteClaim(reviewer, articleId, claim.id, claim.version),
      setArticleLanguage(reviewer, articleId, "en"),
    ]) {
      expect((await refusal(work, NotPermitted)).permission).toBe("update:claim:any");
    }
    expect((await refusal(importArticle(reviewer, draftFromPaste({ title: "Tidak boleh", body: "Harga beras naik 20 persen, kata BPS." })), NotPermitted)).permission).toBe(
      "create:article:any",
    );
    expect(await prisma.auditEvent.count()).toBe(audit);
  });

  it("refuses an editor the admin's changes: people (update:user:any), invitations (create:invite:any), settings (update:settings:any)", async () => {
    const [editor, reviewer] = [await actorOf("editor"), await actorOf("reviewer")];
    expect((await refusal(changeRole(editor, reviewer.id, "editor"), NotPermitted)).permission).toBe("update:user:any");
    expect((await refusal(setActive(editor, reviewer.id, false), NotPermitted)).permission).toBe("update:user:any");
    expect((await refusal(createInvite(editor, "someone@example.org", "reviewer"), NotPermitted)).permission).toBe("create:invite:any");
    expect((await refusal(revokeInvite(editor, "00000000-0000-4000-8000-000000000000"), NotPermitted)).permission).toBe("update:user:any");
    expect((await refusal(updateNewsroom(editor, { ...(await getNewsroom()), name: "Bukan admin" }), NotPermitted)).permission).toBe("update:settings:any");
    expect((await getNewsroom()).name).not.toBe("Bukan admin");
  });
});
