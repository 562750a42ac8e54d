// Untrusted documents against the production build (issue 10, finding 2): while a 4 MB page of nested
// <div>s is being imported, the same process goes on answering other requests — /healthz is answered
// before the import's response arrives — and the import is refused with its clear message, saving nothing.
// The document is read in a worker thread, which this proves exists and runs in the built app.
import http from "node:http";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { prisma } from "~/db/client.server";
import { Visitor } from "../support/http";
import { nestedPageHtml } from "../support/page-server";
import { actorOf, testPassword } from "../support/fixtures";

type Reply = { status: number; body: string };

/** Sends a multipart form with Node's http client; `onSent` runs once the whole body is on the wire. */
async function postForm(url: string, form: FormData, headers: Record<string, string>, onSent: () => void): Promise<Reply> {
  const encoded = new Response(form);
  const body = Buffer.from(await encoded.arrayBuffer());
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: "POST", headers: { ...headers, "Content-Type": encoded.headers.get("Content-Type")!, "Content-Length": String(body.length) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(body, onSent);
  });
}

describe("untrusted documents on the production build", () => {
  let editor: Visitor;

  beforeAll(async () => {
    const person = await actorOf("editor");
    editor = new Visitor(inject("appUrl"), { "Accept-Language": "en" });
    await editor.login(person.email, testPassword);
  });

  it("answers /healthz while a 4 MB nested page is being imported, then refuses the page with its message", async () => {
    const appUrl = inject("appUrl");
    const articlesBefore = await prisma.article.count();
    const page = nestedPageHtml(4 * 1024 * 1024);
    expect(page.length).toBeGreaterThan(4_000_000);
    const form = new FormData();
    form.set("intent", "file");
    form.set("file", new File([page], "bersarang.html", { type: "text/html" }));

    const order: string[] = [];
    let health: Promise<Reply> | undefined;
    const imported = postForm(
      new URL("/articles/new", appUrl).href,
      form,
      { Cookie: editor.cookieHeader, Origin: new URL(appUrl).origin, "Accept-Language": "en" },
      // The upload is complete: the server now has the whole document and is reading it.
      () => {
        health = fetch(new URL("/healthz", appUrl)).then(async (response) => {
          order.push("healthz");
          return { status: response.status, body: await response.text() };
        });
      },
    ).then((reply) => {
      order.push("import");
      return reply;
    });

    const importReply = await imported;
    const healthReply = await health!;
    expect(order).toEqual(["healthz", "import"]);
    expect(healthReply.status).toBe(200);
    expect(JSON.parse(healthReply.body)).toMatchObject({ status: "ok" });

    expect(importReply.status).toBe(422);
    expect(importReply.body).toContain('data-error-code="too_deeply_nested"');
    expect(importReply.body).toContain("This document is nested too deeply to import safely (more than 128 levels");
    expect(await prisma.article.count()).toBe(articlesBefore);
  });

  it("says it in Bahasa Indonesia to an Indonesian editor", async () => {
    const person = await actorOf("editor", { language: "id" });
    const indonesian = new Visitor(inject("appUrl"));
    await indonesian.login(person.email, testPassword);
    const form = new FormData();
    form.set("intent", "file");
    form.set("file", new File([nestedPageHtml(64 * 1024)], "bersarang.html", { type: "text/html" }));
    const response = await indonesian.request("/articles/new", { method: "POST", body: form, headers: { Origin: new URL(inject("appUrl")).origin } });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain("Dokumen ini bersarang terlalu dalam untuk diimpor dengan aman (lebih dari 128 tingkat");
  });
});
