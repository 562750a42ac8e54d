// @mentions in comments. Pure: used by the server (who to notify) and the page (highlighting).
//
// Syntax, one of:
//   @budi                    the person whose email address starts with `budi@` (its local part)
//   @budi@example.org        the person with exactly that email address (when a local part is not unique)
//   @"Budi Santoso"          the person with exactly that name (any case, spaces as typed); “curly” quotes too
// A mention starts a word: `budi@example.org` in running text is an address, not a mention. Punctuation
// after a mention (`@budi.`, `@budi,`) is not part of it. At most `maxMentions` mentions count per comment.

export const maxMentions = 20;
/** The longest comment, in characters (checked on the server; the form says it too). */
export const commentMaxLength = 5000;

export type MentionQuery = {
  /** Lower-cased email local parts: `@budi`. */
  handles: string[];
  /** Lower-cased full email addresses: `@budi@example.org`. */
  addresses: string[];
  /** Normalised names (see normaliseName): `@"Budi Santoso"`. */
  names: string[];
};

export type MentionSegment = { text: string; mention: boolean };

// Not after a letter, digit or an address character, so `user@example.org` is no mention.
const mentionPattern =
  /(?<![\p{L}\p{N}_.+\-@])@(?:"([^"\n]{1,100})"|“([^”\n]{1,100})”|([A-Za-z0-9][A-Za-z0-9._%+-]{0,63}(?:@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)?))/gu;

/** Names compare in Unicode NFC, case-insensitively, with runs of whitespace as one space. */
export function normaliseName(name: string) {
  return name.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
}

type Found = { index: number; length: number; kind: "name" | "handle" | "address"; value: string };

function* findMentions(body: string): Generator<Found> {
  let count = 0;
  for (const match of body.matchAll(mentionPattern)) {
    if (count >= maxMentions) return;
    const [whole, quoted, curly, address] = match;
    const name = quoted ?? curly;
    if (name !== undefined) {
      const value = normaliseName(name);
      if (!value) continue;
      count++;
      yield { index: match.index, length: whole.length, kind: "name", value };
      continue;
    }
    // Sentence punctuation after a local part is not part of it (`@budi.` mentions budi).
    const trimmed = address!.replace(/[._%+-]+$/, "");
    count++;
    yield {
      index: match.index,
      length: trimmed.length + 1,
      kind: trimmed.includes("@") ? "address" : "handle",
      value: trimmed.toLowerCase(),
    };
  }
}

/** Who a comment mentions, as handles, addresses and names to look up. */
export function parseMentions(body: string): MentionQuery {
  const query = { handles: new Set<string>(), addresses: new Set<string>(), names: new Set<string>() };
  for (const found of findMentions(body)) {
    (found.kind === "name" ? query.names : found.kind === "address" ? query.addresses : query.handles).add(found.value);
  }
  return { handles: [...query.handles], addresses: [...query.addresses], names: [...query.names] };
}

export function hasMentions(query: MentionQuery) {
  return query.handles.length + query.addresses.length + query.names.length > 0;
}

/** The people among `candidates` that `query` mentions. */
export function matchMentions<U extends { email: string; name: string }>(query: MentionQuery, candidates: U[]): U[] {
  const handles = new Set(query.handles);
  const addresses = new Set(query.addresses);
  const names = new Set(query.names);
  return candidates.filter((user) => {
    const email = user.email.toLowerCase();
    return addresses.has(email) || handles.has(email.slice(0, email.lastIndexOf("@"))) || names.has(normaliseName(user.name));
  });
}

/** The comment cut into plain text and mentions, for highlighting (rendered as text, never as HTML). */
export function mentionSegments(body: string): MentionSegment[] {
  const segments: MentionSegment[] = [];
  let at = 0;
  for (const found of findMentions(body)) {
    if (found.index > at) segments.push({ text: body.slice(at, found.index), mention: false });
    segments.push({ text: body.slice(found.index, found.index + found.length), mention: true });
    at = found.index + found.length;
  }
  if (at < body.length) segments.push({ text: body.slice(at), mention: false });
  return segments;
}
