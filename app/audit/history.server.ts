// A claim's history: every audit event about the claim, its assignments, verdicts, sources and
// comments (their rows carry the claim's id), oldest first, with who did it.
import { prisma } from "~/db/client.server";
import { type ClaimAccess, seesLaneItem } from "~/auth/claim-access";

export type HistoryEntry = {
  id: string;
  action: string;
  actor: string | null;
  at: Date;
  changes: { field: string; before: string | null; after: string | null }[];
};

const hidden = new Set(["id", "version", "updatedAt", "createdAt", "claimId", "articleId", "secretHash", "passwordHash"]);

function show(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

/** The fields that differ between two recorded states, as text. */
export function changedFields(before: unknown, after: unknown): HistoryEntry["changes"] {
  const b = (before && typeof before === "object" ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === "object" ? after : {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f) => !hidden.has(f));
  return fields
    .map((field) => ({ field, before: show(b[field]), after: show(a[field]) }))
    .filter((change) => change.before !== change.after);
}

/** Events that belong to one lane of the review (a verdict, a comment, a source), not to the claim as a whole. */
const laneActions = /^(verdict|comment|source)\./;

function flaggedBlind(state: unknown) {
  return Boolean(state && typeof state === "object" && (state as { blind?: unknown }).blind === true);
}

/**
 * The claim's history as `viewer` may see it. A blind second review stays blind here too
 * (app/auth/claim-access.ts): until the claim is settled, the events of a lane the viewer does not see —
 * a verdict, comment or source, with its rating, rationale or text — are left out whole.
 */
export async function claimHistory(claimId: string, viewer: { id: string }, access: ClaimAccess): Promise<HistoryEntry[]> {
  const events = await prisma.auditEvent.findMany({
    where: {
      OR: [
        { entityType: "Claim", entityId: claimId },
        { after: { path: ["claimId"], equals: claimId } },
        { before: { path: ["claimId"], equals: claimId } },
      ],
    },
    orderBy: { id: "asc" },
    select: { id: true, action: true, createdAt: true, before: true, after: true, actorId: true, actor: { select: { name: true } } },
  });
  const shown = events.filter(
    (event) =>
      !laneActions.test(event.action) ||
      seesLaneItem(viewer, access, { blind: flaggedBlind(event.before) || flaggedBlind(event.after), authorId: event.actorId ?? "" }),
  );
  return shown.map((event) => ({
    id: event.id.toString(),
    action: event.action,
    actor: event.actor?.name ?? null,
    at: event.createdAt,
    changes: changedFields(event.before, event.after),
  }));
}
