// The editor's text of a publication or correction (headline, summary, methodology) and the public notes
// (a correction's note, a withdrawal's reason), tidied and checked against their limits.
import { publishingLimits } from "./content";
import { PublishRefused } from "./refused";

function cleanText(value: string, max: number, field: string, options: { multiline?: boolean } = {}) {
  const text = options.multiline ? value.replace(/\r\n?/g, "\n").trim() : value.replace(/\s+/g, " ").trim();
  if (!text || text.length > max) throw new PublishRefused("badText", { field });
  return text;
}

export type EditorialText = { headline: string; summary: string; methodology: string };

export function editorialText(input: EditorialText): EditorialText {
  return {
    headline: cleanText(input.headline, publishingLimits.headline, "headline"),
    summary: cleanText(input.summary, publishingLimits.summary, "summary", { multiline: true }),
    methodology: cleanText(input.methodology, publishingLimits.methodology, "methodology", { multiline: true }),
  };
}

export function requiredNote(value: string, max: number, field: string) {
  const text = value.replace(/\r\n?/g, "\n").trim();
  if (!text || text.length > max) throw new PublishRefused("noteRequired", { field });
  return text;
}
