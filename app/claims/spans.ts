// Claim spans: character ranges [start, end) of an article's stored text. Pure functions, no I/O.

export type Span = { start: number; end: number };

/** ClaimReview's guidance: a checked claim's wording should fit in about 75 characters. */
export const wordingSoftLimit = 75;
/** The longest wording a claim may have (the editor's box and the save both hold to it). */
export const wordingHardLimit = 1000;

/** The span shrunk to exclude whitespace at both ends; null when nothing but whitespace remains. */
export function trimSpan(text: string, span: Span): Span | null {
  let { start, end } = span;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) return null;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return start < end ? { start, end } : null;
}

/** The default checkable wording of a quote: its text on one line. */
export function wordingFromQuote(quote: string): string {
  return quote.replace(/\s+/g, " ").trim();
}

/**
 * Where a claim can be split: after each word, as offsets into the article text, each with a short
 * preview of the two halves, so an editor can choose the cut from a list (keyboard and screen-reader
 * friendly) instead of placing a caret.
 */
export function splitPoints(text: string, span: Span): { at: number; before: string; after: string }[] {
  const quote = text.slice(span.start, span.end);
  const points: { at: number; before: string; after: string }[] = [];
  const boundary = /\s+/g;
  for (let match = boundary.exec(quote); match; match = boundary.exec(quote)) {
    const cut = match.index;
    const resume = match.index + match[0].length;
    if (cut === 0 || resume >= quote.length) continue;
    points.push({ at: span.start + resume, before: tail(quote.slice(0, cut)), after: head(quote.slice(resume)) });
  }
  return points;
}

const head = (s: string) => (s.length > 24 ? `${s.slice(0, 24)}…` : s);
const tail = (s: string) => (s.length > 24 ? `…${s.slice(-24)}` : s);

/** The two halves of a split at `at`, each trimmed; null when either half would be empty. */
export function splitSpan(text: string, span: Span, at: number): [Span, Span] | null {
  if (at <= span.start || at >= span.end) return null;
  const first = trimSpan(text, { start: span.start, end: at });
  const second = trimSpan(text, { start: at, end: span.end });
  return first && second ? [first, second] : null;
}

/** The smallest span covering all of them. */
export function coveringSpan(spans: Span[]): Span {
  return { start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) };
}

/** Pieces of a paragraph for highlighting: plain runs and runs covered by marks (claims, suggestions). */
export type Piece<M> = { start: number; end: number; marks: M[] };

export function highlightPieces<M extends Span>(paragraph: Span, marks: M[]): Piece<M>[] {
  const inside = marks.filter((m) => m.end > paragraph.start && m.start < paragraph.end);
  const cuts = new Set([paragraph.start, paragraph.end]);
  for (const m of inside) {
    cuts.add(Math.max(m.start, paragraph.start));
    cuts.add(Math.min(m.end, paragraph.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: Piece<M>[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    pieces.push({ start, end, marks: inside.filter((m) => m.start <= start && m.end >= end) });
  }
  return pieces;
}

/** The paragraphs of a stored article text (separated by blank lines), as spans. */
export function paragraphSpans(text: string): Span[] {
  const spans: Span[] = [];
  const separator = /\n\s*\n/g;
  let start = 0;
  for (let match = separator.exec(text); match; match = separator.exec(text)) {
    if (match.index > start) spans.push({ start, end: match.index });
    start = match.index + match[0].length;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans;
}
