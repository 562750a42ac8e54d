// Sign-in throttling with rate-limiter-flexible's PostgreSQL store: the counters are rows of the
// "LoginThrottle" table (created by a migration; the store never creates tables at run time), reached
// through the app's own pg pool, so every app instance counts the same attempts.
//
// Device cookies (device-cookie.server.ts) keep the owner in: a browser that signed in to the account
// before is a trusted device and is limited by its own counter only. Everyone else — unknown browsers,
// whoever types the owner's email — shares the account's counter and the client address's counter.
// An attacker can therefore pause the account for unknown browsers, never for the owner's own browser.
//
// Each attempt takes its point *before* the password is checked (one atomic upsert per counter), so
// concurrent guesses cannot slip past the limit; a successful sign-in gives its points back.
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import type pg from "pg";
import { database } from "~/db/client.server";
import { hashSecretHex } from "./tokens.server";

export const loginLimits = {
  windowMs: 15 * 60 * 1000,
  /** Wrong passwords allowed per account from browsers it has not signed in from; the next attempt is refused. */
  perAccount: 10,
  /** Wrong passwords allowed per trusted device (a browser holding the account's device cookie). */
  perDevice: 10,
  /** Wrong passwords allowed per client address from untrusted browsers (several people can share one). */
  perIp: 50,
} as const;

export const throttleTable = "LoginThrottle";

type Limiters = { account: RateLimiterPostgres; device: RateLimiterPostgres; ip: RateLimiterPostgres };

const limitersByPool = new WeakMap<pg.Pool, Limiters>();

/** The three counters over the given pool (the app's own, by default). Exported for tests of several instances. */
export function createLoginLimiters(pool: pg.Pool): Limiters {
  const make = (keyPrefix: string, points: number, clearExpired: boolean) =>
    new RateLimiterPostgres({
      storeClient: pool,
      storeType: "pool",
      tableName: throttleTable,
      tableCreated: true,
      // One of the three prunes expired rows (the table is shared), every five minutes.
      clearExpiredByTimeout: clearExpired,
      keyPrefix,
      points,
      duration: loginLimits.windowMs / 1000,
    });
  return {
    account: make("login_account", loginLimits.perAccount, true),
    device: make("login_device", loginLimits.perDevice, false),
    ip: make("login_ip", loginLimits.perIp, false),
  };
}

function appLimiters(): Limiters {
  const { pool } = database();
  let limiters = limitersByPool.get(pool);
  if (!limiters) {
    limiters = createLoginLimiters(pool);
    limitersByPool.set(pool, limiters);
  }
  return limiters;
}

/** Who is trying: the (normalised) email, the client address, and the device nonce when the browser is trusted. */
export type LoginAttempt = { email: string; ip: string; device: string | null };

export type Throttle =
  | { limited: false; finish: (succeeded: boolean) => Promise<void> }
  | { limited: true; retryAt: Date; scope: "account" | "device" | "ip" };

type Counter = { limiter: RateLimiterPostgres; key: string; scope: "account" | "device" | "ip" };

function countersFor(attempt: LoginAttempt, limiters: Limiters): Counter[] {
  // Emails are hashed: the table never holds who tried to sign in, and keys stay short.
  if (attempt.device) return [{ limiter: limiters.device, key: attempt.device, scope: "device" }];
  return [
    { limiter: limiters.ip, key: attempt.ip, scope: "ip" },
    { limiter: limiters.account, key: hashSecretHex(attempt.email), scope: "account" },
  ];
}

/**
 * Takes this attempt's point on each counter that applies. Refused (with the time a point frees up) when one
 * of them is used up; otherwise the caller checks the password and calls `finish` with the outcome.
 */
export async function startLoginAttempt(attempt: LoginAttempt, limiters: Limiters = appLimiters(), now = Date.now()): Promise<Throttle> {
  const taken: Counter[] = [];
  for (const counter of countersFor(attempt, limiters)) {
    try {
      await counter.limiter.consume(counter.key);
      taken.push(counter);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      // A refused attempt is not a guess: it gives back what it took, so refusals never extend a pause.
      await Promise.all([counter, ...taken].map((each) => each.limiter.reward(each.key)));
      return { limited: true, scope: counter.scope, retryAt: new Date(now + error.msBeforeNext) };
    }
  }
  return {
    limited: false,
    finish: async (succeeded) => {
      if (succeeded) await Promise.all(taken.map((each) => each.limiter.reward(each.key)));
    },
  };
}
