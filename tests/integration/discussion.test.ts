// Comments with @mentions, notifications, and who may watch which live topics — against a real PostgreSQL.
import { afterAll, describe, expect, it } from "vitest";
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db/client.server";
import { addComment, CommentRefused, commentMaxLength, listComments } from "~/discussion/comments.server";
import { type LiveChange, liveBus, liveReady, stopLiveBus, subscribe } from "~/live/bus.server";
import { mayWatch, parseTopics } from "~/live/topics.server";
import { listNotifications, markRead, notify, shortExcerpt, unreadCount } from "~/notifications/notifications.server";
import { action as commentAction } from "~/routes/claims.$claimId.comments";
import { loader as eventsLoader } from "~/routes/events";
import { assign, claimOf, sessionOf } from "../support/fixtures";
import { claimAccess } from "~/auth/claim-access.server";

/** The claim's comments as the desk sees them (every lane of the review). */
async function commentsOf(claimId: string) {
  const desk = { id: "00000000-0000-4000-8000-000000000000", permissions: ["read:article:any"] };
  return listComments(desk, (await claimAccess(desk, claimId))!.access, claimId);
}

// The listening connection must close before the test database is dropped.
afterAll(stopLiveBus);

const unique = () => Math.random().toString(36).slice(2, 8);

describe("comments", () => {
  it("are added by editors and the assigned reviewer, in order, with an audit event", async () => {
    const editor = await sessionOf("editor");
    const reviewer = await sessionOf("reviewer");
    const { claimId } = await claimOf(editor.id);
    await assign(claimId, reviewer.id, editor.id);

    const first = await addComment(editor, { claimId, body: "  Sumbernya apa?\r\nCek BPS.  " });
    expect(first.comment).toMatchObject({ body: "Sumbernya apa?\nCek BPS.", author: { id: editor.id, name: editor.name } });
    await addComment(reviewer, { claimId, body: "Sudah, <b>BPS 2024</b>." });

    const comments = await commentsOf(claimId);
    expect(comments.map((c) => [c.author.id, c.body])).toEqual([
      [editor.id, "Sumbernya apa?\nCek BPS."],
      [reviewer.id, "Sudah, <b>BPS 2024</b>."],
    ]);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "comment.add", entityId: first.comment.id } });
    expect(audit).toMatchObject({ actorId: editor.id, entityType: "Comment" });
    expect(audit.after).toMatchObject({ claimId, body: "Sumbernya apa?\nCek BPS.", mentioned: [] });
  });

  it("cannot be added by a reviewer the claim is not assigned to (nor after the assignment ended)", async () => {
    const editor = await sessionOf("editor");
    const reviewer = await sessionOf("reviewer");
    const { claimId } = await claimOf(editor.id);
    await expect(addComment(reviewer, { claimId, body: "Boleh ikut?" })).rejects.toThrow(CommentRefused);

    const assignment = await assign(claimId, reviewer.id, editor.id);
    await addComment(reviewer, { claimId, body: "Sekarang bisa." });
    await prisma.assignment.update({ where: { id: assignment.id }, data: { endedAt: new Date() } });
    const refused = await addComment(reviewer, { claimId, body: "Masih bisa?" }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(CommentRefused);
    expect((refused as CommentRefused).reason).toBe("notFound");
    expect(await prisma.comment.count({ where: { claimId } })).toBe(1);
  });

  it("must be non-empty and at most 5000 characters, on an existing claim", async () => {
    const editor = await sessionOf("editor");
    const { claimId } = await claimOf(editor.id);
    await expect(addComment(editor, { claimId, body: " \n\t " })).rejects.toMatchObject({ reason: "empty" });
    await expect(addComment(editor, { claimId, body: "x".repeat(commentMaxLength + 1) })).rejects.toMatchObject({ reason: "tooLong" });
    await addComment(editor, { claimId, body: "x".repeat(commentMaxLength) });
    await expect(addComment(editor, { claimId: "00000000-0000-4000-8000-000000000000", body: "x" })).rejects.toMatchObject({ reason: "notFound" });
    await expect(addComment(editor, { claimId: "not-a-uuid", body: "x" })).rejects.toMatchObject({ reason: "notFound" });
  });
});

describe("mentions", () => {
  it("notify mentioned people who may read the claim, by email local part or quoted name", async () => {
    const tag = unique();
    const author = await sessionOf("editor");
    const colleague = await sessionOf("editor", { email: `dewi.${tag}@test.example`, name: `Dewi ${tag} Anggraini` });
    const assigned = await sessionOf("reviewer", { email: `rizky.${tag}@test.example` });
    const outsider = await sessionOf("reviewer", { email: `nadia.${tag}@test.example` });
    const inactive = await sessionOf("editor", { email: `agus.${tag}@test.example` });
    await prisma.user.update({ where: { id: inactive.id }, data: { active: false } });
    const { claimId } = await claimOf(author.id);
    await assign(claimId, assigned.id, author.id);

    const body = `@"dewi ${tag} anggraini" dan @rizky.${tag}, tolong cek angka ini. @nadia.${tag} @agus.${tag} @${author.email.split("@")[0]}`;
    const { mentioned } = await addComment(author, { claimId, body });
    expect(mentioned.map((p) => p.id).sort()).toEqual([colleague.id, assigned.id].sort());

    for (const person of [colleague, assigned]) {
      const [notification] = await listNotifications(person.id);
      expect(notification).toMatchObject({ kind: "MENTION", readAt: null, actor: { name: author.name }, claim: { id: claimId } });
      expect(notification!.excerpt).toContain("tolong cek angka ini");
      expect(await unreadCount(person.id)).toBe(1);
    }
    for (const person of [outsider, inactive, author]) expect(await unreadCount(person.id)).toBe(0);
  });

  it("in a blind second review reach only who may read the comment: the desk, never the other reviewer", async () => {
    const tag = unique();
    const editor = await sessionOf("editor", { email: `budi.${tag}@test.example` });
    const primary = await sessionOf("reviewer", { email: `rizky.${tag}@test.example` });
    const blind = await sessionOf("reviewer", { email: `nadia.${tag}@test.example` });
    const { claimId } = await claimOf(editor.id);
    await assign(claimId, primary.id, editor.id);
    await prisma.claim.update({ where: { id: claimId }, data: { status: "IN_RESEARCH" } });
    await prisma.newsroomSettings.upsert({ where: { id: 1 }, create: { id: 1, name: "Uji", blindSecondReview: true }, update: { blindSecondReview: true } });
    try {
      const open = await addComment(primary, { claimId, body: `Saya menilai Keliru. @nadia.${tag} @budi.${tag}` });
      expect(open.mentioned.map((p) => p.id)).toEqual([editor.id]);
      const own = await addComment(blind, { claimId, body: `Catatan buta. @rizky.${tag} @budi.${tag}` });
      expect(own.mentioned.map((p) => p.id)).toEqual([editor.id]);
      expect(await prisma.comment.findUniqueOrThrow({ where: { id: own.comment.id }, select: { blind: true } })).toEqual({ blind: true });
      expect(await unreadCount(blind.id)).toBe(0);
      expect(await unreadCount(primary.id)).toBe(0);
      expect(await unreadCount(editor.id)).toBe(2);
    } finally {
      await prisma.newsroomSettings.update({ where: { id: 1 }, data: { blindSecondReview: false } });
    }
  });

  it("announce the comment on the claim and each mentioned person's notifications after commit", async () => {
    const tag = unique();
    const author = await sessionOf("editor");
    const colleague = await sessionOf("editor", { email: `sari.${tag}@test.example` });
    const { claimId } = await claimOf(author.id);
    const heard: LiveChange[] = [];
    const stop = subscribe([`claim:${claimId}`, `notifications:${colleague.id}`], (change) => heard.push(change));
    try {
      expect(await liveReady(5_000)).toBe(true);
      await addComment(author, { claimId, body: `Lihat ini @sari.${tag}` });
      await expect.poll(() => heard.length, { timeout: 2_000 }).toBe(1);
      expect(heard[0]).toMatchObject({ kind: "comment.add" });
      expect(heard[0]!.topics).toEqual(expect.arrayContaining([`claim:${claimId}`, `notifications:${colleague.id}`]));
    } finally {
      stop();
    }
  });
});

describe("notifications", () => {
  it("count unread, list newest first, and mark read only the recipient's own", async () => {
    const editor = await sessionOf("editor");
    const reviewer = await sessionOf("reviewer");
    const other = await sessionOf("reviewer");
    const { claimId } = await claimOf(editor.id);
    const created = await prisma.$transaction(async (tx) => [
      await notify(tx, { recipientId: reviewer.id, actorId: editor.id, kind: "ASSIGNMENT", claimId, excerpt: "Tenggat Jumat" }),
      await notify(tx, { recipientId: reviewer.id, actorId: editor.id, kind: "RETURN", claimId, excerpt: "Tambah sumber" }),
      await notify(tx, { recipientId: reviewer.id, actorId: null, kind: "APPROVAL", claimId }),
      await notify(tx, { recipientId: other.id, actorId: editor.id, kind: "ASSIGNMENT", claimId }),
    ]);
    expect(created[0]!.topics).toEqual([`notifications:${reviewer.id}`]);
    expect(await unreadCount(reviewer.id)).toBe(3);

    const list = await listNotifications(reviewer.id, { limit: 2 });
    expect(list).toHaveLength(2);
    expect(list[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(list[1]!.createdAt.getTime());

    // Someone else's notification is not theirs to mark.
    expect(await markRead(reviewer.id, [created[3]!.id!, created[0]!.id!])).toBe(1);
    expect(await unreadCount(other.id)).toBe(1);
    expect(await unreadCount(reviewer.id)).toBe(2);
    expect(await markRead(reviewer.id, ["not-a-uuid"])).toBe(0);
    expect(await markRead(reviewer.id, "all")).toBe(2);
    expect(await unreadCount(reviewer.id)).toBe(0);
    expect(await markRead(reviewer.id, "all")).toBe(0);
  });

  it("are not created for one's own action, nor when the transaction rolls back", async () => {
    const editor = await sessionOf("editor");
    const reviewer = await sessionOf("reviewer");
    expect(await notify(prisma, { recipientId: editor.id, actorId: editor.id, kind: "MENTION" })).toEqual({ id: null, topics: [] });
    await expect(
      prisma.$transaction(async (tx) => {
        await notify(tx, { recipientId: reviewer.id, actorId: editor.id, kind: "ASSIGNMENT" });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await unreadCount(reviewer.id)).toBe(0);
    expect(await unreadCount(editor.id)).toBe(0);
  });

  it("keep a one-line excerpt of at most 200 characters", () => {
    expect(shortExcerpt("  a\n\nb  ")).toBe("a b");
    expect(shortExcerpt("")).toBeNull();
    const long = shortExcerpt("kata ".repeat(100))!;
    expect(long.length).toBeLessThanOrEqual(200);
    expect(long.endsWith("kata…")).toBe(true);
  });
});

describe("live topics", () => {
  it("parse the topic list, resolving `me`", () => {
    const id = "11111111-2222-4333-8444-555555555555";
    expect(parseTopics(`claim:${id.toUpperCase()},queue:me,notifications:me,desk,desk`, "me-id")).toEqual([
      { requested: `claim:${id.toUpperCase()}`, topic: `claim:${id}` },
      { requested: "queue:me", topic: "queue:me-id" },
      { requested: "notifications:me", topic: "notifications:me-id" },
      { requested: "desk", topic: "desk" },
    ]);
    for (const bad of [null, "", "claim:1", "secret", "*", `claim:${id},x`, Array.from({ length: 21 }, (_, i) => `article:${id.slice(0, -2)}${String(i).padStart(2, "0")}`).join(",")]) {
      expect(parseTopics(bad, "u")).toBeNull();
    }
  });

  it("may be watched by editors for any claim, by reviewers only for their assigned claims and their own feeds", async () => {
    const editor = await sessionOf("editor");
    const reviewer = await sessionOf("reviewer");
    const { claimId, articleId } = await claimOf(editor.id);
    const may = (user: SessionUser, raw: string) => mayWatch(user, parseTopics(raw, user.id)!);

    expect(await may(editor, `claim:${claimId},article:${articleId},desk,notifications:me,queue:${reviewer.id}`)).toBe(true);
    expect(await may(editor, `notifications:${reviewer.id}`)).toBe(false);
    expect(await may(reviewer, "queue:me,notifications:me,desk")).toBe(true);
    expect(await may(reviewer, `queue:${editor.id}`)).toBe(false);
    expect(await may(reviewer, `notifications:${editor.id}`)).toBe(false);
    expect(await may(reviewer, `claim:${claimId}`)).toBe(false);
    expect(await may(reviewer, `article:${articleId}`)).toBe(false);

    await assign(claimId, reviewer.id, editor.id);
    expect(await may(reviewer, `claim:${claimId},article:${articleId}`)).toBe(true);
    const other = await claimOf(editor.id);
    expect(await may(reviewer, `claim:${claimId},claim:${other.claimId}`)).toBe(false);
  });
});

describe("GET /events", () => {
  const decoder = new TextDecoder();

  async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, pattern: RegExp) {
    let text = "";
    while (!pattern.test(text)) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`stream ended before ${pattern}: ${text}`);
      text += decoder.decode(value);
    }
    return text;
  }

  function request(token: string, topics: string, signal?: AbortSignal) {
    return new Request(`http://localhost/events?topics=${encodeURIComponent(topics)}`, { headers: { Cookie: `factdesk_session=${token}` }, signal });
  }

  it("streams the changes of the watched topics as the page named them, and stops when the page goes", async () => {
    const editor = await sessionOf("editor");
    const { claimId } = await claimOf(editor.id);
    const abort = new AbortController();
    const response = (await eventsLoader({ request: request(editor.token, `claim:${claimId},notifications:me`, abort.signal), context: {}, params: {} } as never)) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^text\/event-stream/);
    expect(response.headers.get("Cache-Control")).toContain("no-store");
    expect(response.headers.get("Cache-Control")).toContain("no-transform");
    const reader = response.body!.getReader();
    expect(await readUntil(reader, /: connected\n\n/)).toContain("retry: 3000");

    const before = liveBus().subscriberCount;
    expect(before).toBeGreaterThan(0);
    await addComment(editor, { claimId, body: `Catatan untuk @${editor.email.split("@")[0]}` });
    const event = await readUntil(reader, /^data: .*\n\n/m);
    const payload = JSON.parse(/^data: (.*)$/m.exec(event)![1]!);
    expect(payload).toEqual({ kind: "comment.add", topics: [`claim:${claimId}`] });

    abort.abort();
    await expect.poll(() => liveBus().subscriberCount).toBe(before - 1);
    await reader.cancel().catch(() => {});
  });

  it("refuses topics the user may not watch (403) and malformed lists (400), and anonymous visitors", async () => {
    const reviewer = await sessionOf("reviewer");
    const editor = await sessionOf("editor");
    const { claimId } = await claimOf(editor.id);
    const statusOf = async (req: Request) => {
      try {
        const response = (await eventsLoader({ request: req, context: {}, params: {} } as never)) as Response;
        await response.body?.cancel();
        return response.status;
      } catch (thrown) {
        if (thrown instanceof Response) return thrown.status;
        return (thrown as { init?: { status?: number } }).init?.status;
      }
    };
    expect(await statusOf(request(reviewer.token, `claim:${claimId}`))).toBe(403);
    expect(await statusOf(request(reviewer.token, `notifications:${editor.id}`))).toBe(403);
    expect(await statusOf(request(reviewer.token, "everything"))).toBe(400);
    expect(await statusOf(new Request("http://localhost/events?topics=desk"))).toBe(302);
  });
});

describe("POST /claims/:claimId/comments", () => {
  function post(token: string, claimId: string, form: Record<string, string>, headers: Record<string, string> = {}) {
    const request = new Request(`http://localhost/claims/${claimId}/comments`, {
      method: "POST",
      body: new URLSearchParams(form),
      headers: { Cookie: `factdesk_session=${token}`, "Content-Type": "application/x-www-form-urlencoded", ...headers },
    });
    return commentAction({ request, params: { claimId }, context: {} } as never);
  }

  it("answers the fetcher with data, and a form posted without JavaScript with a redirect back to the claim", async () => {
    const editor = await sessionOf("editor");
    const { claimId } = await claimOf(editor.id);
    expect(await post(editor.token, claimId, { intent: "add", body: "Dari fetcher" })).toMatchObject({ result: { initialValue: null } });
    expect(await post(editor.token, claimId, { intent: "add", body: "" })).toMatchObject({
      data: { result: { status: "error", error: { body: ["discussion.bodyRequired"] } } },
      init: { status: 400 },
    });
    const redirected = (await post(editor.token, claimId, { intent: "add", body: "Tanpa JavaScript" }, { Accept: "text/html", "Sec-Fetch-Mode": "navigate" })) as Response;
    expect(redirected.status).toBe(302);
    expect(redirected.headers.get("Location")).toBe(`/claims/${claimId}`);
    expect((await commentsOf(claimId)).map((c) => c.body)).toEqual(["Dari fetcher", "Tanpa JavaScript"]);
  });
});
