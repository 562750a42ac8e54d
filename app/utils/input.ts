// Shared building blocks for what clients send: ids, whole numbers that fit PostgreSQL's int4, and text
// without control characters. Pure (no server code), so schemas in route modules and tests can use them.
import { z } from "zod";

/** The largest value of a PostgreSQL `integer` (int4): versions, counts and positions are stored as int4. */
export const int4Max = 2_147_483_647;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for the canonical text form of a UUID, the only one our ids use: test before any query with it. */
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && uuidPattern.test(value);
}

/**
 * NUL and the other C0 control characters (and DEL), except the white space ones: tab, line feed, vertical tab
 * (a soft line break in text copied from word processors and slides), form feed and carriage return. PostgreSQL
 * refuses NUL in text; the others are never typed into a form and would be stored invisibly.
 */
const controlCharacters = /[\u0000-\u0008\u000E-\u001F\u007F]/;

export function hasControlCharacters(value: string) {
  return controlCharacters.test(value);
}

/** An id field of a form. */
export const idField = z.uuid();

/** A version a form carries back (optimistic locking): 1 up to int4's maximum. */
export const versionField = z.coerce.number().int().min(1).max(int4Max);

/** A count or a position in a text (a character offset): 0 up to int4's maximum. */
export const countField = z.coerce.number().int().min(0).max(int4Max);
