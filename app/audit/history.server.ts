// A claim's history: every audit event about the claim, its assignments, verdicts, sources and
// comments (their rows carry the claim's id), oldest first, with who did it.
import { prisma } from "~/db/client.server";

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

/**
 * A blind second review stays blind in the history too: until the claim is settled, only people who
 * decide verdicts (and the blind reviewer themself) see its rating and rationale.
 */
function hideBlind(value: unknown): unknown {
  if (!value || typeof value !== "object") return value;
  const { ratingId: _rating, rationale: _rationale, rating: _label, ...rest } = value as Record<string, unknown>;
  return rest;
}

export async function claimHistory(
  claimId: string,
  viewer?: { id: string; seesBlind: boolean; settled: boolean },
): Promise<HistoryEntry[]> {
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
  const blindHidden = (event: (typeof events)[number]) =>
    viewer !== undefined &&
    !viewer.seesBlind &&
    !viewer.settled &&
    event.actorId !== viewer.id &&
    [event.after, event.before].some((state) => Boolean(state && typeof state === "object" && (state as { blind?: unknown }).blind === true));
  return events.map((event) => ({
    id: event.id.toString(),
    action: event.action,
    actor: event.actor?.name ?? null,
    at: event.createdAt,
    changes: blindHidden(event) ? changedFields(hideBlind(event.before), hideBlind(event.after)) : changedFields(event.before, event.after),
  }));
}
