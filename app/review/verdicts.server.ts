// Verdicts: a reviewer proposes a rating from the active scale with a Markdown rationale; an editor
// returns it with a comment or approves it (four-eyes: never the person who proposed it), or marks the
// claim not checkable. Every proposal is a new Verdict row (a version). A new proposal supersedes the
// earlier one still waiting (PROPOSED) in its lane; a RETURNED version keeps that status, since a return
// is an editor's decision and the versions list should say so.
//
// Every write names the claim version it was based on and the verdicts the page showed, locks the claim's
// row and bumps its version inside the same transaction. It is refused (ClaimConflict, naming who) only if
// a verdict it acts on changed since — so of two concurrent saves on one verdict exactly one wins — while
// other changes to the claim (its wording, sources, assignment) let it through; the claim's status always
// moves through the lifecycle table (app/review/lifecycle.ts).
//
// Blind second review (NewsroomSettings.blindSecondReview): a reviewer who is not the assigned one may
// propose a `blind` verdict. The claim's status follows the primary (non-blind) verdict only; blind
// verdicts have their own lane per reviewer. Until the claim is decided (APPROVED or NOT_CHECKABLE),
// listVerdicts hides each lane from the other: the blind reviewer sees only their own verdicts, the
// assigned reviewer sees the primary verdicts but not the blind ones; editors see everything, with the
// disagreement flagged. Someone who sees everything (an editor or admin) cannot be a blind reviewer.
//
// Approval with blind review on — the rule chosen here: approval does not wait for a blind verdict (a
// second reviewer may not be available, and the setting must not stall the desk). It approves the primary
// verdict; any open blind verdicts are closed (SUPERSEDED, with the decider and time) and from then on
// everyone sees them. Because each blind proposal bumps the claim version, an editor's approval is always
// based on a page that showed every blind verdict and the disagreement flag; and nobody who proposed an
// open verdict on the claim, primary or blind, can approve it.
//
// Reading the verdicts (listVerdicts, with the blind-review rules) is app/review/verdict-views.server.ts.
import { recordAudit } from "~/audit/audit.server";
import type { Actor } from "~/auth/actor";
import { userCan } from "~/auth/permissions";
import { ClaimConflict, lockClaim } from "~/claims/claims.server";
import { prisma } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import type { ClaimStatus } from "~/generated/prisma/enums";
import { publishChange } from "~/live/bus.server";
import { type LiveTopic, topic } from "~/live/topics";
import { notify } from "~/notifications/notifications.server";
import { activeDeciders } from "./decisions.server";
import { nextStatus, openStatuses, TransitionRefused } from "./lifecycle";
import { changedVerdicts, parseVerdictBasis } from "./verdict-basis";
import { noteMaxLength, rationaleMaxLength } from "./verdict-form";
import { calendarDayOf } from "~/newsroom/clock";
import type { CheckedBeforeBasis } from "./checked-before-basis";
import { Refusal } from "~/utils/refusal";

export { ClaimConflict, TransitionRefused };

type Tx = Prisma.TransactionClient;


export type VerdictRefusal =
  | "notAllowed" // the role may not do this
  | "notAssigned" // only the claim's assigned reviewer (or an admin) proposes its verdict
  | "fourEyes" // the proposer of a verdict can never approve it
  | "blindOff" // blind second review is switched off in the newsroom settings
  | "blindNotAllowed" // the assigned reviewer, the primary proposer, or an editor cannot review blind
  | "badRating" // not a label of the active scale
  | "badRationale" // empty or longer than 20,000 characters
  | "noteRequired" // a return needs a comment, not-checkable a reason (at most 2,000 characters)
  | "noVerdict" // nothing proposed to decide on
  | "notLinked"; // settling from an earlier check that is not (or no longer) linked to the claim as a known fact-check

const verdictRefusalStatus: Record<VerdictRefusal, 400 | 403 | 409> = {
  notAllowed: 403,
  notAssigned: 403,
  fourEyes: 403,
  blindOff: 403,
  blindNotAllowed: 403,
  badRating: 400,
  badRationale: 400,
  noteRequired: 400,
  noVerdict: 409,
  notLinked: 409,
};

export class VerdictRefused extends Refusal<VerdictRefusal> {
  constructor(reason: VerdictRefusal) {
    super(reason, { status: verdictRefusalStatus[reason], messageKey: `verdict.error.${reason}`, message: `verdict refused: ${reason}` });
  }
}

/**
 * There is no `propose:verdict:any` permission: whoever may both propose verdicts and decide on any
 * claim (admins, by the default grants) may propose on a claim that is not assigned to them.
 */
export function mayProposeOnAnyClaim(actor: Actor) {
  return userCan(actor, "propose:verdict:own") && userCan(actor, "approve:verdict:any");
}

function cleanNote(note: string) {
  const text = note.replace(/\r\n?/g, "\n").trim();
  if (!text || text.length > noteMaxLength) throw new VerdictRefused("noteRequired");
  return text;
}

export async function blindReviewOn(tx: Tx | typeof prisma) {
  const settings = await tx.newsroomSettings.findUnique({ where: { id: 1 }, select: { blindSecondReview: true } });
  return settings?.blindSecondReview ?? false;
}

/**
 * The claim (a deleted one is a conflict: it changed since the page was loaded) and its current reviewer.
 * Its row stays locked until the transaction ends, so what is read next is current and the update that
 * follows cannot lose a race.
 */
async function loadClaim(tx: Tx, claimId: string) {
  await lockClaim(tx, claimId);
  const claim = await tx.claim.findFirst({
    where: { id: claimId, deletedAt: null },
    select: { id: true, status: true, version: true, articleId: true, assignments: { where: { endedAt: null }, take: 1, select: { reviewerId: true } } },
  });
  if (!claim) throw new ClaimConflict(claimId);
  return { ...claim, reviewerId: claim.assignments[0]?.reviewerId ?? null };
}

/** What a verdict action was based on: the claim version the page loaded and, from its form, the verdicts it showed. */
export type VerdictBasisInput = { claimVersion: number; seen?: string };

/**
 * Refuses a verdict action only if a verdict it acts on (`acts`: the lane, or all verdicts for a
 * decision) changed since the person's page showed them: a new proposal, a decision, a closed one. The
 * claim still at the loaded version means nothing changed; without the verdicts seen, any change does.
 * Other changes to the claim (wording, claimant, sources, assignment) do not stand in the way. The
 * refusal names the verdict and the person who changed it last.
 */
async function verdictUnchanged(
  tx: Tx,
  claim: { id: string; version: number },
  basis: VerdictBasisInput,
  acts: (verdict: { blind: boolean; proposedById: string }) => boolean,
) {
  if (claim.version === basis.claimVersion) return;
  const seen = parseVerdictBasis(basis.seen);
  if (!seen) throw new ClaimConflict(claim.id);
  const now = await tx.verdict.findMany({
    where: { claimId: claim.id },
    select: {
      version: true,
      status: true,
      blind: true,
      proposedById: true,
      createdAt: true,
      decidedAt: true,
      proposedBy: { select: { id: true, name: true } },
      decidedBy: { select: { id: true, name: true } },
    },
  });
  const changed = changedVerdicts(seen, now).filter(acts);
  if (changed.length === 0) return;
  const when = (verdict: (typeof changed)[number]) => Math.max(verdict.createdAt.getTime(), verdict.decidedAt?.getTime() ?? 0);
  const latest = changed.reduce((a, b) => (when(b) > when(a) ? b : a));
  const by = latest.decidedAt && latest.decidedAt.getTime() >= latest.createdAt.getTime() && latest.decidedBy ? latest.decidedBy : latest.proposedBy;
  throw new ClaimConflict(claim.id, { fields: ["verdict"], by });
}

const everyVerdict = () => true;

/** Moves the claim on only if it is still at `claimVersion` (and bumps it); otherwise ClaimConflict. */
async function guardedClaimUpdate(tx: Tx, claimId: string, claimVersion: number, data: Prisma.ClaimUncheckedUpdateManyInput) {
  const { count } = await tx.claim.updateMany({
    where: { id: claimId, version: claimVersion, deletedAt: null },
    data: { ...data, version: { increment: 1 } },
  });
  if (count !== 1) throw new ClaimConflict(claimId);
}

const verdictSummary = {
  id: true,
  version: true,
  status: true,
  blind: true,
  ratingId: true,
  proposedById: true,
  rating: { select: { labelEn: true, value: true } },
} as const;

type Summary = Prisma.VerdictGetPayload<{ select: typeof verdictSummary }>;

/** A verdict as the audit log records it (flat, so the claim history can show what changed). */
function audited(verdict: Summary | null, extra: Record<string, unknown> = {}) {
  if (!verdict) return extra;
  return {
    verdict: verdict.version,
    verdictStatus: verdict.status,
    rating: `${verdict.rating.labelEn} (${verdict.rating.value})`,
    blind: verdict.blind,
    ...extra,
  };
}

function topics(claim: { id: string; articleId: string; reviewerId: string | null }, ...more: (LiveTopic | null | undefined)[]): LiveTopic[] {
  return [
    topic.claim(claim.id),
    topic.article(claim.articleId),
    topic.desk,
    topic.decisions,
    ...(claim.reviewerId ? [topic.queue(claim.reviewerId)] : []),
    ...more.filter((extra): extra is LiveTopic => Boolean(extra)),
  ];
}

export type ProposeInput = VerdictBasisInput & { claimId: string; ratingId: string; rationale: string; blind?: boolean };

/**
 * Proposes a verdict: a new version on the claim. The primary proposal (by the assigned reviewer, or an
 * admin) moves the claim to VERDICT_PROPOSED and tells every active editor (whoever may decide) except the
 * proposer that it waits for a decision — naming the claim only, never the rating or rationale; a blind
 * one leaves the status alone and tells nobody.
 */
export async function proposeVerdict(actor: Actor, input: ProposeInput) {
  if (!userCan(actor, "propose:verdict:own")) throw new VerdictRefused("notAllowed");
  const blind = input.blind ?? false;
  const rationale = input.rationale.replace(/\r\n?/g, "\n").trimEnd();
  const result = await prisma.$transaction(async (tx) => {
    const claim = await loadClaim(tx, input.claimId);
    const assigned = claim.reviewerId === actor.id;
    let status: ClaimStatus;
    if (blind) {
      if (!(await blindReviewOn(tx))) throw new VerdictRefused("blindOff");
      if (assigned || userCan(actor, "approve:verdict:any")) throw new VerdictRefused("blindNotAllowed");
      // A blind reviewer's lane is their own verdicts.
      await verdictUnchanged(tx, claim, input, (verdict) => verdict.blind && verdict.proposedById === actor.id);
      if (!openStatuses.includes(claim.status)) throw new TransitionRefused("proposeVerdict", claim.status);
      status = claim.status;
    } else {
      if (!assigned && !mayProposeOnAnyClaim(actor)) throw new VerdictRefused("notAssigned");
      await verdictUnchanged(tx, claim, input, (verdict) => !verdict.blind);
      status = nextStatus(claim.status, "proposeVerdict");
    }
    if (!rationale.trim() || rationale.length > rationaleMaxLength) throw new VerdictRefused("badRationale");
    const scale = await tx.ratingScale.findFirst({ where: { active: true, labels: { some: { id: input.ratingId } } }, select: { id: true } });
    if (!scale) throw new VerdictRefused("badRating");

    // A refusal from here on rolls the update back.
    await guardedClaimUpdate(tx, claim.id, claim.version, { status });
    if (blind) {
      const ownPrimary = await tx.verdict.findFirst({ where: { claimId: claim.id, blind: false, proposedById: actor.id, status: { not: "SUPERSEDED" } }, select: { id: true } });
      if (ownPrimary) throw new VerdictRefused("blindNotAllowed");
    }
    // Each lane keeps one open proposal: the primary one, and one per blind reviewer.
    const lane: Prisma.VerdictWhereInput = { claimId: claim.id, blind, ...(blind ? { proposedById: actor.id } : {}) };
    const previous = await tx.verdict.findFirst({ where: lane, orderBy: { version: "desc" }, select: verdictSummary });
    await tx.verdict.updateMany({ where: { ...lane, status: "PROPOSED" }, data: { status: "SUPERSEDED" } });
    const top = await tx.verdict.aggregate({ where: { claimId: claim.id }, _max: { version: true } });
    const verdict = await tx.verdict.create({
      data: { claimId: claim.id, version: (top._max.version ?? 0) + 1, ratingId: input.ratingId, rationale, blind, proposedById: actor.id },
      select: verdictSummary,
    });
    await auditClaim(tx, actor, "verdict.propose", claim, { before: audited(previous, { status: claim.status }), after: audited(verdict, { status, rationale }) });
    const notified: LiveTopic[] = [];
    if (!blind) {
      for (const decider of await activeDeciders(tx)) {
        notified.push(...(await notify(tx, { recipientId: decider.id, actorId: actor.id, kind: "VERDICT_PROPOSED", claimId: claim.id })).topics);
      }
    }
    return { claim, verdict, notified };
  });
  await publishChange(topics(result.claim, blind ? topic.queue(actor.id) : null, ...result.notified), "verdict.propose");
  return { id: result.verdict.id, version: result.verdict.version, claimVersion: input.claimVersion + 1 };
}

/** The primary verdict waiting for a decision (the claim is VERDICT_PROPOSED), with its open blind companions. */
async function awaitingDecision(tx: Tx, claimId: string) {
  const primary = await tx.verdict.findFirst({ where: { claimId, blind: false, status: "PROPOSED" }, orderBy: { version: "desc" }, select: verdictSummary });
  if (!primary) throw new VerdictRefused("noVerdict");
  const blind = await tx.verdict.findMany({ where: { claimId, blind: true, status: "PROPOSED" }, select: verdictSummary });
  return { primary, blind };
}

/** Only someone who may decide verdicts (an editor) returns, approves, marks not checkable or reopens. */
function refuseUnlessDecider(actor: Actor) {
  if (!userCan(actor, "approve:verdict:any")) throw new VerdictRefused("notAllowed");
}

type LoadedClaim = Awaited<ReturnType<typeof loadClaim>>;

/**
 * An editor's decision on a claim, in one transaction: the claim is loaded and locked, refused if any verdict
 * on it changed since the page showed them (a decision is about every verdict on the claim), then `write`
 * moves it on and records it, answering whom it notified; the change is published as `action`.
 */
async function decide(input: VerdictBasisInput & { claimId: string }, action: string, write: (tx: Tx, claim: LoadedClaim) => Promise<LiveTopic[]>) {
  const result = await prisma.$transaction(async (tx) => {
    const claim = await loadClaim(tx, input.claimId);
    await verdictUnchanged(tx, claim, input, everyVerdict);
    return { claim, notified: await write(tx, claim) };
  });
  await publishChange(topics(result.claim, ...result.notified), action);
}

/** Records a decision (or proposal) on the claim in the audit log. */
async function auditClaim(tx: Tx, actor: Actor, action: string, claim: { id: string }, change: { before: Record<string, unknown>; after: Record<string, unknown> }) {
  await recordAudit(tx, { actorId: actor.id, action, entityType: "Claim", entityId: claim.id, ...change });
}

/** An editor sends the proposed verdict back to research with a comment; the proposer is notified. */
export async function returnVerdict(actor: Actor, input: VerdictBasisInput & { claimId: string; comment: string }) {
  refuseUnlessDecider(actor);
  const comment = cleanNote(input.comment);
  await decide(input, "verdict.return", async (tx, claim) => {
    const status = nextStatus(claim.status, "returnVerdict");
    await guardedClaimUpdate(tx, claim.id, claim.version, { status });
    const { primary } = await awaitingDecision(tx, claim.id);
    const decided = await tx.verdict.update({
      where: { id: primary.id },
      data: { status: "RETURNED", decidedById: actor.id, decidedAt: new Date(), decisionNote: comment },
      select: verdictSummary,
    });
    const notified = await notify(tx, { recipientId: primary.proposedById, actorId: actor.id, kind: "RETURN", claimId: claim.id, excerpt: comment });
    await auditClaim(tx, actor, "verdict.return", claim, { before: audited(primary, { status: claim.status }), after: audited(decided, { status, comment }) });
    return notified.topics;
  });
}

/**
 * An editor approves the proposed verdict. Four-eyes: whoever proposed it (or an open blind verdict on
 * the claim) is refused, whatever their role. Open blind verdicts are closed with the decision.
 */
export async function approveVerdict(actor: Actor, input: VerdictBasisInput & { claimId: string }) {
  refuseUnlessDecider(actor);
  await decide(input, "verdict.approve", async (tx, claim) => {
    const status = nextStatus(claim.status, "approveVerdict");
    await guardedClaimUpdate(tx, claim.id, claim.version, { status }); // a refusal rolls back
    const { primary, blind } = await awaitingDecision(tx, claim.id);
    if (primary.proposedById === actor.id || blind.some((verdict) => verdict.proposedById === actor.id)) {
      throw new VerdictRefused("fourEyes");
    }
    const now = new Date();
    const decided = await tx.verdict.update({
      where: { id: primary.id },
      data: { status: "APPROVED", decidedById: actor.id, decidedAt: now },
      select: verdictSummary,
    });
    if (blind.length) {
      await tx.verdict.updateMany({
        where: { id: { in: blind.map((verdict) => verdict.id) } },
        data: { status: "SUPERSEDED", decidedById: actor.id, decidedAt: now },
      });
    }
    const notified = await notify(tx, { recipientId: primary.proposedById, actorId: actor.id, kind: "APPROVAL", claimId: claim.id });
    await auditClaim(tx, actor, "verdict.approve", claim, {
      before: audited(primary, { status: claim.status }),
      after: audited(decided, { status, closedBlindVerdicts: blind.map((verdict) => verdict.version) }),
    });
    return notified.topics;
  });
}

/** An editor marks the claim not checkable, with a reason; open proposals are closed with it. */
export async function markNotCheckable(actor: Actor, input: VerdictBasisInput & { claimId: string; reason: string }) {
  refuseUnlessDecider(actor);
  const reason = cleanNote(input.reason);
  await decide(input, "claim.notCheckable", async (tx, claim) => {
    const status = nextStatus(claim.status, "markNotCheckable");
    await guardedClaimUpdate(tx, claim.id, claim.version, { status, notCheckableReason: reason });
    const { count } = await tx.verdict.updateMany({
      where: { claimId: claim.id, status: "PROPOSED" },
      data: { status: "SUPERSEDED", decidedById: actor.id, decidedAt: new Date(), decisionNote: reason },
    });
    await auditClaim(tx, actor, "claim.notCheckable", claim, {
      before: { status: claim.status },
      after: { status, notCheckableReason: reason, closedVerdicts: count },
    });
    return [];
  });
}

/**
 * An editor reopens a settled claim for review, with a reason (decision 0014). An approved claim goes back
 * to research: its reviewer is told (the reason is the note) and proposes again, and another editor
 * approves — four-eyes again; the approved verdict stays on record, and a published fact-check keeps its
 * frozen version until a correction. A claim marked not checkable goes back to unassigned (its assignment,
 * if any, ends). Recorded as `claim.reopen`.
 */
export async function reopenClaim(actor: Actor, input: VerdictBasisInput & { claimId: string; reason: string }) {
  refuseUnlessDecider(actor);
  const reason = cleanNote(input.reason);
  await decide(input, "claim.reopen", async (tx, claim) => {
    const move = claim.status === "APPROVED" ? "reopenApproved" : "reopen";
    const status = nextStatus(claim.status, move);
    await guardedClaimUpdate(tx, claim.id, claim.version, move === "reopen" ? { status, notCheckableReason: null } : { status });
    const endedAssignment = move === "reopen" && claim.reviewerId !== null;
    if (endedAssignment) await tx.assignment.updateMany({ where: { claimId: claim.id, endedAt: null }, data: { endedAt: new Date() } });
    await auditClaim(tx, actor, "claim.reopen", claim, {
      before: { status: claim.status, reviewerId: claim.reviewerId },
      after: { status, reason, reviewerId: endedAssignment ? null : claim.reviewerId },
    });
    return move === "reopenApproved" && claim.reviewerId
      ? (await notify(tx, { recipientId: claim.reviewerId, actorId: actor.id, kind: "RETURN", claimId: claim.id, excerpt: reason })).topics
      : [];
  });
}

/** What a verdict settled from an earlier check keeps of it (Verdict.checkedBefore), as it was then. */
export type SettleFromCheckedBeforeInput = VerdictBasisInput & { claimId: string; sourceId: string; ratingId: string; rationale: string };

/**
 * An editor settles an open claim from an earlier check linked to it as a source ("Checked before", decision
 * 0021): an APPROVED verdict in one step, proposed and decided by the editor, with the rating they chose from
 * the active scale, their rationale citing the earlier check, and `checkedBefore` recording it. It skips the
 * reviewer's proposal — the earlier check was researched, reviewed and published by a fact-checker, and the
 * editor is the second pair of eyes on it; the audit event (`verdict.settle_checked_before`) says so. Open
 * proposals, primary and blind, are closed with it; the assigned reviewer is told, as with an approval.
 */
export async function settleFromCheckedBefore(actor: Actor, input: SettleFromCheckedBeforeInput) {
  refuseUnlessDecider(actor);
  const rationale = input.rationale.replace(/\r\n?/g, "\n").trimEnd();
  if (!rationale.trim() || rationale.length > rationaleMaxLength) throw new VerdictRefused("badRationale");
  await decide(input, "verdict.settle_checked_before", async (tx, claim) => {
    const status = nextStatus(claim.status, "settleFromCheckedBefore");
    const source = await tx.source.findFirst({
      where: { id: input.sourceId, claimId: claim.id, deletedAt: null, kind: "FACT_CHECK" },
      select: {
        id: true,
        knownFactCheck: { select: { id: true, url: true, publisher: true, rating: true, datePublished: true, claimReviewed: true } },
      },
    });
    if (!source?.knownFactCheck) throw new VerdictRefused("notLinked");
    const scale = await tx.ratingScale.findFirst({ where: { active: true, labels: { some: { id: input.ratingId } } }, select: { id: true } });
    if (!scale) throw new VerdictRefused("badRating");
    await guardedClaimUpdate(tx, claim.id, claim.version, { status }); // a refusal rolls back
    const known = source.knownFactCheck;
    const checkedBefore: CheckedBeforeBasis = {
      url: known.url,
      publisher: known.publisher,
      rating: known.rating,
      datePublished: calendarDayOf(known.datePublished, "UTC"),
      claimReviewed: known.claimReviewed,
    };
    const now = new Date();
    const open = await tx.verdict.findMany({ where: { claimId: claim.id, status: "PROPOSED" }, select: verdictSummary });
    if (open.length) {
      await tx.verdict.updateMany({ where: { id: { in: open.map((verdict) => verdict.id) } }, data: { status: "SUPERSEDED", decidedById: actor.id, decidedAt: now } });
    }
    const top = await tx.verdict.aggregate({ where: { claimId: claim.id }, _max: { version: true } });
    const verdict = await tx.verdict.create({
      data: {
        claimId: claim.id,
        version: (top._max.version ?? 0) + 1,
        ratingId: input.ratingId,
        rationale,
        proposedById: actor.id,
        status: "APPROVED",
        decidedById: actor.id,
        decidedAt: now,
        checkedBefore,
      },
      select: verdictSummary,
    });
    await auditClaim(tx, actor, "verdict.settle_checked_before", claim, {
      before: { status: claim.status },
      after: audited(verdict, {
        status,
        rationale,
        settledDirectly: true,
        sourceId: source.id,
        checkedBefore,
        closedVerdicts: open.map((closed) => closed.version),
      }),
    });
    return claim.reviewerId && claim.reviewerId !== actor.id
      ? (await notify(tx, { recipientId: claim.reviewerId, actorId: actor.id, kind: "APPROVAL", claimId: claim.id })).topics
      : [];
  });
}
