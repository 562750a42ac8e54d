// The earlier fact-check a verdict was settled from ("Checked before", decision 0021): what Verdict.checkedBefore
// holds, as it was when the editor settled the claim. The claim page shows it, and publishing freezes it.

export type CheckedBeforeBasis = {
  url: string;
  publisher: string;
  rating: string;
  /** The earlier check's publication day (YYYY-MM-DD). */
  datePublished: string;
  claimReviewed: string;
};

/** A verdict's stored checkedBefore (Verdict.checkedBefore JSON), or null when it is not one. */
export function checkedBeforeBasis(value: unknown): CheckedBeforeBasis | null {
  if (!value || typeof value !== "object") return null;
  const record = value as Record<string, unknown>;
  const text = (key: string) => (typeof record[key] === "string" ? (record[key] as string) : "");
  const checked = { url: text("url"), publisher: text("publisher"), rating: text("rating"), datePublished: text("datePublished"), claimReviewed: text("claimReviewed") };
  return /^https?:\/\//i.test(checked.url) && checked.publisher ? checked : null;
}
