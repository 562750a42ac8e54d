// `GET /claims/match` (app/routes/claims.match.ts): its loader called with real requests and real sessions. Staff of
// every role get the same JSON objects `factdesk match` prints; anonymous visitors are sent to sign in; bad input is
// a 400 with a message in the asker's language, and never a 500.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionCookieName } from "~/auth/session.server";
import { stopLiveBus } from "~/live/bus.server";
import { type KnownFactCheckInput, upsertKnownFactChecks } from "~/matching/match.server";
import { loader } from "~/routes/claims.match";
import { sessionOf } from "../support/fixtures";

const troops: KnownFactCheckInput = {
  url: "https://cektetangga.example/cek/tentara-api",
  claimReviewed: "Korea Utara mengirim 10.000 tentara ke Kursk untuk membantu Rusia",
  language: "id",
  publisher: "Cek Tetangga",
  rating: "Salah",
  datePublished: new Date("2024-10-20T00:00:00Z"),
  source: "feed",
};
const troopsEn: KnownFactCheckInput = { ...troops, url: "https://cektetangga.example/cek/troops-api", claimReviewed: "North Korea sent 10,000 troops to Kursk to help Russia", language: "en", rating: "False" };

const tokens = {} as Record<"reviewer" | "editor" | "admin" | "indonesian", string>;

beforeAll(async () => {
  await upsertKnownFactChecks([troops, troopsEn]);
  for (const role of ["reviewer", "editor", "admin"] as const) tokens[role] = (await sessionOf(role)).token;
  tokens.indonesian = (await sessionOf("reviewer", { language: "id" })).token;
});
afterAll(async () => {
  await stopLiveBus();
});

/** The loader's answer to GET /claims/match with `query`, as `who` (a session token) or anonymous; a thrown Response is the answer too. */
async function ask(query: Record<string, string>, token?: string): Promise<Response> {
  const url = `http://desk.test/claims/match?${new URLSearchParams(query)}`;
  const request = new Request(url, { headers: token ? { Cookie: `${sessionCookieName}=${token}`, "Accept-Language": "en" } : {} });
  try {
    return await loader({ request, params: {}, context: {} } as unknown as Parameters<typeof loader>[0]);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe("GET /claims/match", () => {
  it.each(["reviewer", "editor", "admin"] as const)("answers %s with the matches as JSON", async (role) => {
    const response = await ask({ text: "Sepuluh ribu tentara Korea Utara dikirim ke Kursk untuk membantu Rusia" }, tokens[role]);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
    const [best, ...rest] = (await response.json()) as Record<string, unknown>[];
    expect(best).toEqual({
      url: troops.url,
      claimReviewed: troops.claimReviewed,
      publisher: "Cek Tetangga",
      rating: "Salah",
      datePublished: "2024-10-20",
      language: "id",
      score: expect.any(Number),
      likelySame: expect.any(Boolean),
    });
    expect(rest.every((entry) => entry.language === "id")).toBe(true);
  });

  it("honours lang and limit", async () => {
    const english = (await (await ask({ text: "North Korea sent 10,000 troops to Kursk", lang: "en", limit: "1" }, tokens.editor)).json()) as { url: string }[];
    expect(english.map((entry) => entry.url)).toEqual([troopsEn.url]);
    const nothing = await ask({ text: "Harga cabai rawit naik tiga kali lipat di Medan", lang: "id" }, tokens.editor);
    expect(await nothing.json()).toEqual([]);
  });

  it("sends anonymous visitors to sign in", async () => {
    const response = await ask({ text: troops.claimReviewed });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
  });

  it.each([
    [{}, "text", "Give the claim's text to look for (text)."],
    [{ text: " \n " }, "text", "Give the claim's text to look for (text)."],
    [{ text: "x".repeat(2001) }, "text", "The text is too long: at most 2,000 characters. Give the claim itself, not the whole article."],
    [{ text: "Korea\u0000Utara" }, "text", "The text contains invisible control characters (such as a NUL byte). Remove them and try again."],
    [{ text: "Korea Utara", lang: "fr" }, "lang", "The language (lang) must be id, en or auto."],
    [{ text: "Korea Utara", limit: "0" }, "limit", "The number of matches (limit) must be a whole number from 1 to 20."],
    [{ text: "Korea Utara", limit: "21" }, "limit", "The number of matches (limit) must be a whole number from 1 to 20."],
    [{ text: "Korea Utara", limit: "2.5" }, "limit", "The number of matches (limit) must be a whole number from 1 to 20."],
    [{ text: "Korea Utara", limit: "99999999999999999999" }, "limit", "The number of matches (limit) must be a whole number from 1 to 20."],
  ])("refuses %j with a 400 naming the field", async (query, field, error) => {
    const response = await ask(query as Record<string, string>, tokens.reviewer);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error, field });
  });

  it("words the refusal in the asker's language", async () => {
    const response = await ask({ text: "x".repeat(2001) }, tokens.indonesian);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ field: "text", error: "Teksnya terlalu panjang: paling banyak 2.000 karakter. Berikan klaimnya saja, bukan seluruh artikel." });
  });
});
