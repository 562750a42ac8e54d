// Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): a browser that signed in
// successfully to an account gets a cookie `nonce.signature`, the signature an HMAC-SHA256 over the
// account's email and the nonce with a key only the server knows. When that browser signs in to the same
// account again it is a *trusted device*: it has its own allowance of wrong passwords, so an attacker who
// exhausts the account's allowance for unknown browsers does not lock the owner out (rate-limit.server.ts).
// The cookie names no account: it is valid only for the email it was issued for, checked by recomputing
// the signature.
import { hmac } from "@oslojs/crypto/hmac";
import { SHA256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { decodeHex, encodeHexLowerCase } from "@oslojs/encoding";
import { parseCookie, stringifySetCookie } from "cookie";
import { database, prisma } from "~/db/client.server";
import { inProduction } from "~/utils/env.server";
import { generateSecureRandomString } from "./tokens.server";

export const deviceCookieName = "factdesk_device";
const keyName = "device-cookie";

// The signing key: 32 random bytes, made by whichever instance needs it first and kept in the database so
// every instance signs and checks with the same key. Cached per database.
const keys = new Map<string, Promise<Uint8Array>>();

function signingKey(): Promise<Uint8Array> {
  const url = database().url;
  let key = keys.get(url);
  if (!key) {
    key = loadOrCreateKey();
    key.catch(() => keys.delete(url));
    keys.set(url, key);
  }
  return key;
}

async function loadOrCreateKey(): Promise<Uint8Array> {
  await prisma.serverSecret.createMany({
    data: [{ name: keyName, secret: crypto.getRandomValues(new Uint8Array(32)) }],
    skipDuplicates: true,
  });
  const row = await prisma.serverSecret.findUniqueOrThrow({ where: { name: keyName }, select: { secret: true } });
  return new Uint8Array(row.secret);
}

async function signature(email: string, nonce: string): Promise<Uint8Array> {
  return hmac(SHA256, await signingKey(), new TextEncoder().encode(`${email}\n${nonce}`));
}

/** A new device cookie for this (normalised) email, to set after a successful sign-in. */
export async function issueDeviceCookie(email: string): Promise<string> {
  const nonce = generateSecureRandomString(20);
  const value = `${nonce}.${encodeHexLowerCase(await signature(email, nonce))}`;
  return stringifySetCookie(deviceCookieName, value, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: inProduction(),
    maxAge: 400 * 24 * 60 * 60,
  });
}

/** The device's nonce when the request carries a valid device cookie for this (normalised) email, else null. */
export async function trustedDevice(cookieHeader: string | null, email: string): Promise<string | null> {
  const header = cookieHeader;
  const value = header ? parseCookie(header)[deviceCookieName] : undefined;
  if (!value) return null;
  const [nonce, signatureHex, extra] = value.split(".");
  if (!nonce || !signatureHex || extra !== undefined || nonce.length > 64 || !/^[0-9a-f]{64}$/.test(signatureHex)) return null;
  const expected = await signature(email, nonce);
  return constantTimeEqual(expected, decodeHex(signatureHex)) ? nonce : null;
}
