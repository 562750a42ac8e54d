// Pasted text: the title and body typed or pasted into the import form, with the optional outlet,
// author, published date and original URL.
import { instantOf, isCalendarDay } from "~/newsroom/clock";
import { articleLimits, articleParagraphs, collapseWhitespace, hasUnreadableCharacters, ImportError } from "../text";
import { type ArticleDraft, finishDraft, tooLarge } from "./draft";

function httpUrlOrThrow(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ImportError("invalid_url", { field: "originalUrl" });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new ImportError("unsupported_scheme", { field: "originalUrl" });
  if (url.username !== "" || url.password !== "") throw new ImportError("invalid_url", { field: "originalUrl" });
  url.hash = "";
  return url.href;
}

/**
 * "2024-10-28", "2024-10-28T21:05", an ISO timestamp, or the Indonesian "28/10/2024". A date alone is kept
 * as UTC midnight (a calendar date); a time without an offset is read in `timeZone` (the newsroom's).
 */
function parsePublishedInput(raw: string, timeZone: string): Date {
  const value = raw.trim();
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  const iso = dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, "0")}-${dmy[1]!.padStart(2, "0")}` : value;
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(iso)) {
    throw new ImportError("unreadable_text", { field: "publishedAt" });
  }
  const day = iso.slice(0, 10);
  const time = iso.slice(11);
  if (!isCalendarDay(day)) throw new ImportError("unreadable_text", { field: "publishedAt" });
  if (time === "") return new Date(`${day}T00:00:00Z`);
  if (/(Z|[+-]\d{2}:?\d{2})$/.test(time)) {
    const date = new Date(`${day}T${time}`);
    if (Number.isNaN(date.getTime())) throw new ImportError("unreadable_text", { field: "publishedAt" });
    return date;
  }
  try {
    return instantOf(day, time, timeZone);
  } catch {
    throw new ImportError("unreadable_text", { field: "publishedAt" });
  }
}

export function draftFromPaste(input: {
  title: string;
  body: string;
  outlet?: string | undefined;
  author?: string | undefined;
  publishedAt?: string | undefined;
  originalUrl?: string | undefined;
  /** The newsroom's time zone: a published time typed without an offset is read there. */
  timeZone?: string;
}): ArticleDraft {
  const fields = [input.title, input.body, input.outlet, input.author, input.publishedAt, input.originalUrl];
  const bytes = fields.reduce((sum, field) => sum + Buffer.byteLength(field ?? "", "utf8"), 0);
  if (bytes > articleLimits.maxBytes) throw tooLarge();
  for (const [name, value] of Object.entries({ title: input.title, body: input.body, outlet: input.outlet, author: input.author })) {
    if (value && hasUnreadableCharacters(value)) throw new ImportError("unreadable_text", { field: name });
  }
  const paragraphs = articleParagraphs(input.body ?? "");
  if (paragraphs.length === 0) throw new ImportError("empty", { field: "body" });
  const title = collapseWhitespace(input.title ?? "");
  if (title === "") throw new ImportError("empty", { field: "title" });
  if (title.length > articleLimits.maxTitleLength) {
    throw new ImportError("too_large", { field: "title", maxLength: articleLimits.maxTitleLength });
  }
  const originalUrl = input.originalUrl?.trim() ? httpUrlOrThrow(input.originalUrl) : null;
  const publishedAt = input.publishedAt?.trim() ? parsePublishedInput(input.publishedAt, input.timeZone ?? "UTC") : null;
  return finishDraft({
    title,
    paragraphs,
    outlet: input.outlet ?? null,
    author: input.author ?? null,
    publishedAt,
    originalUrl,
    canonicalUrl: null,
    method: "PASTE",
  });
}
