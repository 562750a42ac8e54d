// "The database is unavailable": what a request gets when PostgreSQL does not answer in time, refuses
// connections or drops them — a 503 page that says nothing was saved, never a generic 500.
//
// The error is also a React Router `data()` value (a DataWithResponseInit: `type`, `data`, `init`), so a
// loader or action that lets it escape answers 503 with `{ reason: "database_unavailable" }` — on a
// document request and on a client navigation alike, because React Router serialises it as a route error
// response, not as an Error it would reduce to "Unexpected Server Error" in production. Background work
// (jobs, the CLI) sees an ordinary Error with the cause attached.

export const databaseUnavailableReason = "database_unavailable";

/** The headers of a 503 answer: try again in half a minute, and never keep this answer in a cache. */
export const unavailableHeaders: Readonly<Record<string, string>> = { "Retry-After": "30", "Cache-Control": "no-store" };

/**
 * Adds them to a React Router answer with status 503 (entry.server.tsx, for documents and data requests
 * alike: headers of a thrown error reach neither by themselves).
 */
export function addUnavailableHeaders(status: number, headers: Headers) {
  if (status !== 503) return;
  for (const [name, value] of Object.entries(unavailableHeaders)) headers.set(name, value);
}

export class DatabaseUnavailable extends Error {
  readonly type = "DataWithResponseInit";
  readonly data: { reason: typeof databaseUnavailableReason; language?: string };
  readonly init = { status: 503 as const };

  constructor(cause: unknown) {
    super(`The database is unavailable: ${describe(cause)}`, { cause });
    this.name = "DatabaseUnavailable";
    this.data = { reason: databaseUnavailableReason };
  }
}

/**
 * Whether `error` is a DatabaseUnavailable — by its shape, not `instanceof`: the server entry and the route
 * bundle each have their own copy of this module, and the one Prisma client may have been made by either.
 */
export function isDatabaseUnavailableError(error: unknown): error is DatabaseUnavailable {
  return error instanceof Error && error.name === "DatabaseUnavailable" && (error as Partial<DatabaseUnavailable>).data?.reason === databaseUnavailableReason;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** SQLSTATE classes and codes that mean the server cannot serve us now (not that our query was wrong). */
const unavailableStates = new Set([
  "57014", // query_canceled: statement_timeout
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up, recovering)
  "53300", // too_many_connections
  "55P03", // lock_not_available: lock_timeout
  "25P03", // idle_in_transaction_session_timeout
]);

/** Prisma's own codes for an unreachable or timed-out database. */
const unavailablePrismaCodes = new Set([
  "P1001", // can't reach the database server
  "P1002", // the server was reached but timed out
  "P1008", // operations timed out
  "P1017", // the server closed the connection
  "P2024", // timed out fetching a new connection from the pool
  "P2028", // transaction API error (could not start in time / expired)
]);

/** Driver adapter error kinds (Prisma driver adapters) that mean the same. */
const unavailableKinds = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);

/** Messages of node-postgres and its pool for a connection that failed, timed out or went away. */
const unavailableMessages = [
  /timeout exceeded when trying to connect/i,
  /Connection terminated/i,
  /Query read timeout/i,
  /connection timeout/i,
  /Client has encountered a connection error/i,
  /canceling statement due to statement timeout/i,
  /terminating connection/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /Transaction already closed/i,
  /Unable to start a transaction in the given time/i,
];

const socketCodes = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);

/**
 * Whether `error` (from Prisma, its driver adapter, node-postgres or the pool — looked at along its
 * `cause` chain) means the database could not be reached or did not answer in time.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let current: unknown = error; current && typeof current === "object" && !seen.has(current); ) {
    seen.add(current);
    if (isDatabaseUnavailableError(current)) return true;
    const { code, kind, message, name, originalCode } = current as Record<string, unknown>;
    if (typeof code === "string" && (unavailableStates.has(code) || unavailablePrismaCodes.has(code) || socketCodes.has(code) || code.startsWith("08"))) {
      return true;
    }
    if (typeof originalCode === "string" && (unavailableStates.has(originalCode) || originalCode.startsWith("08"))) return true;
    if (typeof kind === "string" && unavailableKinds.has(kind)) return true;
    if (name === "PrismaClientInitializationError") return true;
    if (typeof message === "string" && unavailableMessages.some((pattern) => pattern.test(message))) return true;
    const { cause } = current as { cause?: unknown };
    current = cause;
  }
  return false;
}

/** `error` as a DatabaseUnavailable when it means the database is unavailable; else `error` itself. */
export function asDatabaseUnavailable(error: unknown): unknown {
  if (isDatabaseUnavailableError(error) || !isDatabaseUnavailable(error)) return error;
  return new DatabaseUnavailable(error);
}
