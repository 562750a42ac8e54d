// Conflicts only when they are real: a save is refused only if a field the person is changing was
// changed by someone else since they loaded it; otherwise only the fields they changed are written.
// Pure functions, no I/O — used by the workspace's claim save (claims.server.ts) and its form.

/** The claim fields the workspace editor edits, in form order. */
export const editableClaimFields = ["wording", "claimant", "claimantKind", "claimDate", "appearance"] as const;
export type EditableClaimField = (typeof editableClaimFields)[number];

/** A field's value as the form shows it: text, "" for nothing; a date as YYYY-MM-DD. */
export type ClaimFieldValues = Record<EditableClaimField, string>;

/** The values of a claim as the editor form shows them (a Date or an ISO string as its calendar date). */
export function formValues(claim: {
  wording: string;
  claimant: string | null;
  claimantKind: string | null;
  claimDate: Date | string | null;
  appearance: string | null;
}): ClaimFieldValues {
  const date = claim.claimDate instanceof Date ? claim.claimDate.toISOString() : claim.claimDate;
  return {
    wording: claim.wording,
    claimant: claim.claimant ?? "",
    claimantKind: claim.claimantKind ?? "",
    claimDate: date ? date.slice(0, 10) : "",
    appearance: claim.appearance ?? "",
  };
}

/** What the form sends as the values it loaded: a JSON object of field → text; anything else is ignored. */
export function parseLoaded(json: string | undefined | null): Partial<ClaimFieldValues> | undefined {
  if (!json) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
  const loaded: Partial<ClaimFieldValues> = {};
  for (const field of editableClaimFields) {
    const text = (value as Record<string, unknown>)[field];
    if (typeof text === "string") loaded[field] = text;
  }
  return loaded;
}

const same = (a: string, b: string) => a.trim() === b.trim();

export type MergeResult = {
  /** Fields the person changed that nobody else changed since: these, and only these, are written. */
  apply: EditableClaimField[];
  /** Fields the person changed that someone else changed too (to something else): the save is refused. */
  conflicts: EditableClaimField[];
};

/**
 * Three-way comparison per field: `loaded` is what the person's form showed when they began (a field
 * missing from it is unknown), `submitted` what they send, `current` the claim now. A field is theirs to
 * write when they changed it; it conflicts when someone else changed it too, to something else. With an
 * unknown starting value any change of the field counts as a conflict (nothing says it was seen).
 */
export function mergeClaimEdit(
  loaded: Partial<ClaimFieldValues>,
  submitted: Partial<ClaimFieldValues>,
  current: ClaimFieldValues,
): MergeResult {
  const apply: EditableClaimField[] = [];
  const conflicts: EditableClaimField[] = [];
  for (const field of editableClaimFields) {
    const mine = submitted[field];
    if (mine === undefined || same(mine, current[field])) continue; // not sent, or nothing to write
    const base = loaded[field];
    if (base === undefined) {
      conflicts.push(field);
      continue;
    }
    if (same(mine, base)) continue; // the person left it as it was: someone else's change stays
    if (same(base, current[field])) apply.push(field);
    else conflicts.push(field);
  }
  return { apply, conflicts };
}

function record(value: unknown): Record<string, unknown> | null {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/**
 * Which editable fields an audit event of a claim changed, read from what it recorded: a save records
 * the claim before and after, a split the claim before and its first half after; a merge joins the
 * wordings and takes the first claimant.
 */
export function claimFieldsChangedBy(event: { action: string; before: unknown; after: unknown }): EditableClaimField[] {
  if (event.action === "claim.merge") return ["wording", "claimant"];
  const before = record(event.before);
  let after = record(event.after);
  if (!before || !after) return [];
  const first = record(after.first);
  if (first) after = { ...before, ...first };
  return editableClaimFields.filter(
    (field) => field in after! && JSON.stringify(before[field] ?? null) !== JSON.stringify(after![field] ?? null),
  );
}
