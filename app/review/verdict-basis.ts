// What a verdict form was based on: the verdict versions the page showed and the status of each. A
// verdict action is refused only when a verdict it acts on changed since (a new proposal, a decision);
// any other change to the claim — its wording, claimant, sources, assignment — lets it through.
// Pure functions: the claim page computes the basis it sends, the server compares it with the claim now.

export type VerdictMark = { version: number; status: string };

/** "3:PROPOSED,2:RETURNED": every verdict version the page showed, newest first; "-" for none (never empty: forms drop empty values). */
export function verdictBasis(verdicts: readonly VerdictMark[]): string {
  if (verdicts.length === 0) return "-";
  return [...verdicts]
    .sort((a, b) => b.version - a.version)
    .map((verdict) => `${verdict.version}:${verdict.status}`)
    .join(",");
}

/** The basis a form sent, as version → status; null when it sent none or something else. */
export function parseVerdictBasis(text: string | undefined | null): Map<number, string> | null {
  if (!text) return null;
  if (text === "-") return new Map();
  const seen = new Map<number, string>();
  for (const part of text.split(",")) {
    const match = /^(\d{1,9}):([A-Z_]{1,40})$/.exec(part);
    if (!match) return null;
    seen.set(Number(match[1]), match[2]!);
  }
  return seen;
}

/** The verdicts that are new since `seen`, or whose status changed. */
export function changedVerdicts<T extends VerdictMark>(seen: Map<number, string>, now: readonly T[]): T[] {
  return now.filter((verdict) => seen.get(verdict.version) !== verdict.status);
}
