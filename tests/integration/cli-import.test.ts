// `npm run factdesk -- import FILE|URL` against a real database: prints the new article's id and address,
// recognises a second import, and exits non-zero with the import page's message on bad input.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db/client.server";
import { projectRoot } from "../support/app-server";
import { type PageServer, startPageServer } from "../support/page-server";
import { actorOf } from "../support/fixtures";

const exec = promisify(execFile);
let pages: PageServer;

beforeAll(async () => {
  pages = await startPageServer();
});
afterAll(async () => {
  await pages.close();
});

async function factdesk(...args: string[]) {
  try {
    const { stdout, stderr } = await exec(process.execPath, [path.join(projectRoot, "node_modules/tsx/dist/cli.mjs"), "scripts/factdesk.ts", ...args], {
      cwd: projectRoot,
      env: { ...process.env, FACTDESK_FETCH_ALLOW_PRIVATE: pages.hostPort, APP_URL: "https://desk.example.id" },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("factdesk import", () => {
  it("imports a file and a URL, and finds them again the second time", { timeout: 90_000 }, async () => {
    const editor = await actorOf("editor");
    const file = await factdesk("import", "tests/fixtures/articles/banjir-bekasi.txt", "--as", editor.email);
    expect(file.code).toBe(0);
    const id = /id: ([0-9a-f-]{36})/.exec(file.stdout)?.[1];
    expect(file.stdout).toContain(`url: https://desk.example.id/articles/${id}`);
    const article = await prisma.article.findUniqueOrThrow({ where: { id }, select: { importMethod: true, importedById: true, body: true } });
    expect(article).toMatchObject({ importMethod: "FILE", importedById: editor.id });
    expect(article.body).not.toContain("Baca juga");

    const again = await factdesk("import", "tests/fixtures/articles/banjir-bekasi.txt");
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`Already on the desk`);
    expect(again.stdout).toContain(`id: ${id}`);

    const url = await factdesk("import", `${pages.url}/news/kursk`);
    expect(url.code).toBe(0);
    const urlId = /id: ([0-9a-f-]{36})/.exec(url.stdout)?.[1];
    expect(await prisma.article.findUniqueOrThrow({ where: { id: urlId }, select: { outlet: true, importMethod: true } })).toEqual({ outlet: "Tribunnews.com", importMethod: "URL" });
  });

  it.each([
    [["import"], /expected one FILE or URL/],
    [["import", "tests/fixtures/no-such-file.txt"], /cannot read .*no such file/],
    [["import", "http://169.254.169.254/latest/meta-data/"], /private, local or internal network/],
    [["import", "ftp://example.org/berita.txt"], /Only web addresses starting with http/],
  ])("refuses %j with a clear message", async (args, message) => {
    const before = await prisma.article.count();
    const result = await factdesk(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(await prisma.article.count()).toBe(before);
  });
});
