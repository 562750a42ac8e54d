// First run: with no users, /login leads to /setup, which creates the first admin; afterwards it is gone.
import { describe, expect, it } from "vitest";
import { prisma } from "~/db/client.server";
import { action as loginAction, loader as loginLoader } from "~/routes/login";
import { action as setupAction, loader as setupLoader } from "~/routes/setup";
import { createRequestContext } from "~/server/request-context";

const args = (request: Request) =>
  ({ request, url: new URL(request.url), params: {}, context: createRequestContext({ cspNonce: "test", clientIp: "203.0.113.9" }), pattern: "" }) as never;

function post(path: string, form: Record<string, string>) {
  return new Request(`http://localhost${path}`, { method: "POST", body: new URLSearchParams(form) });
}

async function status(promise: Promise<unknown>) {
  try {
    const result = await promise;
    return result instanceof Response ? result.status : 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

describe("first-run setup", () => {
  it("is offered while nobody has an account, and is gone afterwards", async () => {
    expect(await prisma.user.count()).toBe(0);
    const toSetup = await loginLoader(args(new Request("http://localhost/login"))).catch((r: Response) => r);
    expect((toSetup as Response).headers.get("Location")).toBe("/setup");
    expect(await setupLoader()).toBeNull();

    const invalid = await setupAction(args(post("/setup", { newsroomName: "", defaultLanguage: "id", name: "A", email: "nope", password: "short" })));
    expect((invalid as { init: ResponseInit }).init.status).toBe(400);
    expect(await prisma.user.count()).toBe(0);

    const created = (await setupAction(
      args(post("/setup", { newsroomName: "Cek Fakta Nusantara", defaultLanguage: "id", name: "Intan Permata", email: "Intan@Example.ORG", password: "sandi-yang-kuat-sekali" })),
    )) as Response;
    expect(created.status).toBe(302);
    expect(created.headers.get("Set-Cookie")).toMatch(/^factdesk_session=/);
    const admin = await prisma.user.findUniqueOrThrow({ where: { email: "intan@example.org" }, select: { role: { select: { name: true } }, passwordHash: true } });
    expect(admin.role.name).toBe("admin");
    expect(admin.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await prisma.newsroomSettings.findUnique({ where: { id: 1 }, select: { name: true, defaultLanguage: true } })).toEqual({
      name: "Cek Fakta Nusantara",
      defaultLanguage: "id",
    });

    expect(await status(setupLoader())).toBe(404);
    expect(await status(setupAction(args(post("/setup", { newsroomName: "X", defaultLanguage: "en", name: "B", email: "b@example.org", password: "another-long-one" }))))).toBe(404);
    expect(await prisma.user.count()).toBe(1);
    expect(await status(loginAction(args(post("/login", { email: "intan@example.org", password: "sandi-yang-kuat-sekali" }))))).toBe(302);
  });
});
