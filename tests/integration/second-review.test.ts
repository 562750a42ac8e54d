// Blind second review: with it on, another reviewer can open a proposed claim and finds it in their
// queue, without seeing the first rating; with it off, they cannot open it.
import { afterAll, describe, expect, it } from "vitest";
import { createSession, sessionCookieName, validateSessionToken } from "~/auth/session.server";
import { createClaim } from "~/claims/claims.server";
import { prisma } from "~/db/client.server";
import { assignClaims } from "~/review/assignments.server";
import { readableClaim, secondReviewQueue } from "~/review/claim-page.server";
import { approveVerdict, proposeVerdict } from "~/review/verdicts.server";
import { listVerdicts } from "~/review/verdict-views.server";
import { addComment } from "~/discussion/comments.server";
import { stopJobs } from "~/jobs/queue.server";
import { stopLiveBus } from "~/live/bus.server";
import { loader as claimPageLoader } from "~/routes/claims.$claimId";
import { action as commentAction } from "~/routes/claims.$claimId.comments";
import { action as sourcesAction } from "~/routes/claims.$claimId.sources";
import { loader as eventsLoader } from "~/routes/events";
import { createRequestContext } from "~/server/request-context";
import { activeScale } from "~/rating-scale/rating-scale.server";
import { addSource } from "~/sources/sources.server";
import { actorOf, createArticle, sessionOf } from "../support/fixtures";

// The job queue and the listening connection must close before the test database is dropped.
afterAll(async () => {
  await stopJobs();
  await stopLiveBus();
});

describe("blind second review", () => {
  it("opens proposed claims to a second reviewer only when switched on, and keeps the first rating hidden", async () => {
    const editor = await sessionOf("editor");
    const first = await sessionOf("reviewer");
    const second = await sessionOf("reviewer");
    const { id: articleId } = await createArticle(editor.id, "Menteri menyebut 3 juta hektare sawah terdampak kekeringan tahun ini.");
    const claim = await createClaim(editor, articleId, { start: 0, end: 20 });
    await assignClaims(editor, { claimIds: [claim.id], reviewerId: first.id, dueAt: null, note: null });
    const label = await prisma.ratingLabel.findFirstOrThrow({ where: { value: 1 } });
    const { version } = await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } });
    await proposeVerdict(first, { claimId: claim.id, claimVersion: version, ratingId: label.id, rationale: "Data Kementan: 1,2 juta hektare." });

    expect(await readableClaim(second, claim.id)).toBeNull();
    expect(await secondReviewQueue(second.id)).toEqual([]);

    await prisma.newsroomSettings.upsert({ where: { id: 1 }, create: { id: 1, name: "Uji", blindSecondReview: true }, update: { blindSecondReview: true } });
    expect((await readableClaim(second, claim.id))?.id).toBe(claim.id);
    expect((await secondReviewQueue(second.id)).map((c) => c.id)).toEqual([claim.id]);
    expect(await secondReviewQueue(first.id)).toEqual([]);
    const seen = await listVerdicts(second, claim.id);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((v) => v.rating === null && v.rationale === null)).toBe(true);
  });
});

// Every channel a blind second reviewer could read the first review through — the claim page's data (what
// `/claims/<id>.data` answers, both tabs), the discussion, the sources, @mentions, live topics — and back.
describe("blind second review stays blind, both ways, until the claim is settled", () => {
  async function withToken(role: "editor" | "reviewer") {
    const person = await actorOf(role);
    const token = await createSession(person.id, null);
    return { ...person, token, user: (await validateSessionToken(token))! };
  }
  const context = () => createRequestContext({ cspNonce: "", clientIp: "127.0.0.1" });
  const cookie = (token: string) => ({ Cookie: `${sessionCookieName}=${token}` });

  /** The claim page's loader data as the viewer gets it (the `.data` URL answers the same), as text. */
  async function pageData(token: string, claimId: string, tab: "work" | "history") {
    const request = new Request(`http://localhost/claims/${claimId}${tab === "history" ? "?tab=history" : ""}`, { headers: cookie(token) });
    return JSON.stringify(await claimPageLoader({ request, params: { claimId }, context: context() } as never));
  }
  function post(token: string, path: string, claimId: string, form: Record<string, string>) {
    const request = new Request(`http://localhost/claims/${claimId}/${path}`, {
      method: "POST",
      headers: { ...cookie(token), "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form),
    });
    const action = path === "comments" ? commentAction : sourcesAction;
    return action({ request, params: { claimId }, context: context() } as never);
  }
  async function watchStatus(token: string, claimId: string) {
    const request = new Request(`http://localhost/events?topics=claim:${claimId}`, { headers: cookie(token) });
    try {
      const response = (await eventsLoader({ request, params: {}, context: context() } as never)) as Response;
      await response.body?.cancel();
      return response.status;
    } catch (thrown) {
      return thrown instanceof Response ? thrown.status : (thrown as { init?: { status?: number } }).init?.status;
    }
  }

  it("hides the first review from the second reviewer and the second from the first in page data, history, discussion, sources, mentions", async () => {
    await prisma.newsroomSettings.upsert({ where: { id: 1 }, create: { id: 1, name: "Uji", blindSecondReview: true }, update: { blindSecondReview: true } });
    const editor = await withToken("editor");
    const first = await withToken("reviewer");
    const second = await withToken("reviewer");
    const { id: articleId } = await createArticle(editor.id, "Menteri menyebut 3 juta hektare sawah terdampak kekeringan tahun ini.");
    const claim = await createClaim(editor, articleId, { start: 0, end: 20 });
    await assignClaims(editor.user, { claimIds: [claim.id], reviewerId: first.id, dueAt: null, note: null });
    const [falseLabel, partlyTrue] = (await activeScale())!.labels;

    // The first reviewer works in the open lane: a source, a comment naming their rating, then the verdict.
    await addSource(first.user, { claimId: claim.id, url: "https://bps.example/first-lane-source", kind: "DATASET", stance: "REFUTES" });
    await addComment(first.user, { claimId: claim.id, body: `I rated it Partly true: FIRST-LANE-NOTE @${second.email.split("@")[0]}` });
    const { version } = await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } });
    await proposeVerdict(first.user, { claimId: claim.id, claimVersion: version, ratingId: partlyTrue!.id, rationale: "FIRST-LANE-RATIONALE" });
    // The rating as the history records it ("Partly true (1)"), besides the texts.
    const firstLane = ["FIRST-LANE-RATIONALE", "FIRST-LANE-NOTE", "first-lane-source", `${partlyTrue!.labelEn} (${partlyTrue!.value})`];

    // The second reviewer sees none of it, in either tab of the claim page …
    for (const tab of ["history", "work"] as const) {
      const seen = await pageData(second.token, claim.id, tab);
      expect(seen).toContain(claim.id);
      for (const secret of firstLane) expect(seen, `${tab} tab shows ${secret}`).not.toContain(secret);
    }
    const { work } = JSON.parse(await pageData(second.token, claim.id, "work"));
    expect(work.verdict.verdicts.filter((verdict: { rating: unknown }) => verdict.rating !== null)).toEqual([]);
    // … nor in a notification: the first reviewer's mention of them reached nobody who may not read it.
    expect(await prisma.notification.count({ where: { recipientId: second.id } })).toBe(0);

    // They can work on their own review: comment, add a source, watch the claim live, propose blind.
    expect(await post(second.token, "comments", claim.id, { intent: "add", body: `SECOND-LANE-NOTE @${first.email.split("@")[0]}` })).toMatchObject({ result: { initialValue: null } });
    const added = (await post(second.token, "sources", claim.id, { intent: "add", url: "https://bps.example/second-lane-source", kind: "DATASET", stance: "SUPPORTS" })) as Response;
    expect(added.status).toBe(302);
    expect(await watchStatus(second.token, claim.id)).toBe(200);
    const now = await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } });
    await proposeVerdict(second.user, { claimId: claim.id, claimVersion: now.version, ratingId: falseLabel!.id, rationale: "SECOND-LANE-RATIONALE", blind: true });
    const secondLane = ["SECOND-LANE-RATIONALE", "SECOND-LANE-NOTE", "second-lane-source"];

    const secondSees = await pageData(second.token, claim.id, "work");
    for (const own of secondLane) expect(secondSees).toContain(own);
    for (const secret of firstLane) expect(secondSees).not.toContain(secret);
    // Blind cuts both ways: the first reviewer sees nothing of the second review, nor was told of it.
    for (const tab of ["work", "history"] as const) {
      const seen = await pageData(first.token, claim.id, tab);
      expect(seen).toContain("FIRST-LANE");
      for (const secret of secondLane) expect(seen, `${tab} tab shows ${secret}`).not.toContain(secret);
    }
    expect(await prisma.notification.count({ where: { recipientId: first.id, kind: "MENTION" } })).toBe(0);
    // The desk sees both lanes.
    const deskSees = await pageData(editor.token, claim.id, "history");
    for (const text of ["FIRST-LANE-RATIONALE", "SECOND-LANE-RATIONALE", "FIRST-LANE-NOTE", "SECOND-LANE-NOTE"]) expect(deskSees).toContain(text);

    // Settled: everyone who took part sees everything, and the second reviewer keeps the claim open to read.
    const before = await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } });
    await approveVerdict(editor.user, { claimId: claim.id, claimVersion: before.version });
    for (const viewer of [first, second]) {
      const seen = (await pageData(viewer.token, claim.id, "work")) + (await pageData(viewer.token, claim.id, "history"));
      for (const text of ["FIRST-LANE-RATIONALE", "SECOND-LANE-RATIONALE", "FIRST-LANE-NOTE", "SECOND-LANE-NOTE"]) expect(seen).toContain(text);
    }
  });
});
