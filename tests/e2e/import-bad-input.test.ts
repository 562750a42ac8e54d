// Bad input to the import, over real HTTP: each case gets its own clear message in the editor's language,
// and nothing already saved changes (no article is created, none is altered).
import { beforeAll, describe, expect, inject, it } from "vitest";
import { prisma } from "~/db/client.server";
import { Visitor } from "../support/http";
import { actorOf, testPassword } from "../support/fixtures";

type Submit = { intent: "paste"; title?: string; body: string } | { intent: "url"; url: string } | { intent: "file"; name: string; type: string; bytes: Uint8Array };
type Case = { name: string; submit: Submit | (() => Submit); code: string; message: RegExp; status?: number };

const mb = 1024 * 1024;
const pages = () => inject("pageServerUrl");
const invalidUtf8 = new Uint8Array([0x42, 0x65, 0x72, 0x69, 0x74, 0x61, 0x20, 0xc3, 0x28, 0xa0, 0xa1, 0xff, 0xfe, 0x0a]);
const binary = new Uint8Array(4096).map((_, i) => (i * 37) % 256);

const cases: Case[] = [
  { name: "empty text", submit: { intent: "paste", title: "Kosong", body: "" }, code: "empty", message: /text is empty or only whitespace/ },
  { name: "no headline", submit: { intent: "paste", title: "  ", body: "Gubernur menyebut 35 persen jalan rusak." }, code: "title_required", message: /Give the article a headline/ },
  { name: "whitespace only", submit: { intent: "paste", title: "Spasi", body: " \n\t \u00a0 \n " }, code: "empty", message: /text is empty or only whitespace/ },
  { name: "6 MB pasted body", submit: { intent: "paste", title: "Besar", body: "Kalimat berita yang panjang. ".repeat((6 * mb) / 28) }, code: "too_large", message: /too large: articles may be at most 5 MB/ },
  { name: "empty file", submit: { intent: "file", name: "kosong.txt", type: "text/plain", bytes: new Uint8Array() }, code: "empty", message: /empty/ },
  { name: "binary file named .txt", submit: { intent: "file", name: "berita.txt", type: "text/plain", bytes: binary }, code: "unreadable_text", message: /cannot be read/ },
  { name: "invalid UTF-8", submit: { intent: "file", name: "berita.txt", type: "text/plain", bytes: invalidUtf8 }, code: "unreadable_text", message: /not valid UTF-8/ },
  { name: "PDF file", submit: { intent: "file", name: "laporan.pdf", type: "application/pdf", bytes: new TextEncoder().encode("%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF") }, code: "unsupported_file_type", message: /cannot import this type of file/ },
  { name: "executable", submit: { intent: "file", name: "setup.exe", type: "application/octet-stream", bytes: binary }, code: "unsupported_file_type", message: /cannot import this type of file/ },
  { name: "6 MB file", submit: { intent: "file", name: "besar.txt", type: "text/plain", bytes: new TextEncoder().encode("Berita. ".repeat((6 * mb) / 8)) }, code: "too_large", message: /at most 5 MB/ },
  { name: "PDF at a URL", submit: () => ({ intent: "url", url: `${pages()}/report.pdf` }), code: "not_an_article", message: /does not lead to a news article.*application\/pdf/ },
  { name: "404", submit: () => ({ intent: "url", url: `${pages()}/status/404` }), code: "http_error", message: /answered with an error \(404\)/ },
  { name: "500", submit: () => ({ intent: "url", url: `${pages()}/status/500` }), code: "http_error", message: /answered with an error \(500\)/ },
  { name: "redirect loop", submit: () => ({ intent: "url", url: `${pages()}/loop` }), code: "too_many_redirects", message: /redirects too many times/ },
  { name: "a page that is not an article", submit: () => ({ intent: "url", url: `${pages()}/status/200` }), code: "not_an_article", message: /does not lead to a news article/ },
  { name: "7 MB page", submit: () => ({ intent: "url", url: `${pages()}/huge` }), code: "too_large", message: /too large/ },
  { name: "redirect to the cloud metadata address", submit: () => ({ intent: "url", url: `${pages()}/to-metadata` }), code: "refused_address", message: /private, local or internal network/ },
  { name: "javascript: URL", submit: { intent: "url", url: "javascript:alert(1)" }, code: "unsupported_scheme", message: /Only web addresses starting with http/ },
  { name: "file:// URL", submit: { intent: "url", url: "file:///etc/passwd" }, code: "unsupported_scheme", message: /Only web addresses starting with http/ },
  { name: "ftp:// URL", submit: { intent: "url", url: "ftp://example.org/berita.txt" }, code: "unsupported_scheme", message: /Only web addresses starting with http/ },
  { name: "not a URL at all", submit: { intent: "url", url: "berita hari ini" }, code: "invalid_url", message: /not a valid web address/ },
  { name: "loopback address", submit: { intent: "url", url: "http://127.0.0.1/" }, code: "refused_address", message: /private, local or internal network/ },
  { name: "IPv6 loopback", submit: { intent: "url", url: "http://[::1]/" }, code: "refused_address", message: /private, local or internal network/ },
  { name: "loopback as a decimal number", submit: { intent: "url", url: "http://2130706433/" }, code: "refused_address", message: /private, local or internal network/ },
  { name: "loopback in hex shorthand", submit: { intent: "url", url: "http://0x7f.1/" }, code: "refused_address", message: /private, local or internal network/ },
  { name: "cloud metadata address", submit: { intent: "url", url: "http://169.254.169.254/latest/meta-data/" }, code: "refused_address", message: /private, local or internal network/ },
  { name: "private network address", submit: { intent: "url", url: "http://192.168.1.1/berita" }, code: "refused_address", message: /private, local or internal network/ },
  { name: "a name that resolves to a private address", submit: { intent: "url", url: "http://localhost:9/berita" }, code: "refused_address", message: /private, local or internal network/ },
  { name: "allowed test server, other port", submit: () => ({ intent: "url", url: pages().replace(/:\d+$/, ":1") + "/news/kursk" }), code: "refused_address", message: /private, local or internal network/ },
];

function form(submit: Submit): FormData {
  const data = new FormData();
  data.set("intent", submit.intent);
  if (submit.intent === "paste") {
    data.set("title", submit.title ?? "Judul");
    data.set("body", submit.body);
  } else if (submit.intent === "url") {
    data.set("url", submit.url);
  } else {
    data.set("file", new File([new Uint8Array(submit.bytes)], submit.name, { type: submit.type }));
  }
  return data;
}

describe("import: bad input", () => {
  let editor: Visitor;
  let snapshot: () => Promise<string>;

  beforeAll(async () => {
    const person = await actorOf("editor");
    editor = new Visitor(inject("appUrl"), { "Accept-Language": "en" });
    await editor.login(person.email, testPassword);
    snapshot = async () =>
      JSON.stringify(await prisma.article.findMany({ orderBy: { id: "asc" }, select: { id: true, title: true, body: true, version: true, updatedAt: true } }));
  });

  it("has a table of at least 25 cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });

  for (const testCase of cases) {
    it(`${testCase.name} → ${testCase.code}`, async () => {
      const before = await snapshot();
      const submit = typeof testCase.submit === "function" ? testCase.submit() : testCase.submit;
      const response = await editor.request("/articles/new", { method: "POST", body: form(submit), headers: { Origin: new URL(inject("appUrl")).origin } });
      const html = await response.text();
      expect(response.status).toBe(testCase.status ?? 422);
      expect(html).toContain(`data-error-code="${testCase.code}"`);
      expect(html.replace(/&quot;/g, '"').replace(/&#x27;/g, "'")).toMatch(testCase.message);
      expect(await snapshot()).toBe(before);
    });
  }

  it("says when a pasted article is already on the desk, links to it, and creates nothing", async () => {
    const body = "Harga beras naik 12 persen dalam sebulan, kata Badan Pusat Statistik pada Senin (3/2/2025).\nPedagang membantah menimbun stok.";
    const first = await editor.request("/articles/new", { method: "POST", body: form({ intent: "paste", title: "Harga beras", body }), headers: { Origin: new URL(inject("appUrl")).origin } });
    expect(first.status).toBe(302);
    const existing = first.headers.get("Location")!;
    const before = await snapshot();
    const again = await editor.request("/articles/new", { method: "POST", body: form({ intent: "paste", title: "Harga beras (lagi)", body: `  ${body}\n\n` }), headers: { Origin: new URL(inject("appUrl")).origin } });
    expect(again.status).toBe(409);
    const html = await again.text();
    expect(html).toContain("This article is already on the desk");
    expect(html).toContain(`href="${new URL(existing, "http://x").pathname}"`);
    expect(await snapshot()).toBe(before);
  });

  it("answers in Bahasa Indonesia for an Indonesian editor", async () => {
    const person = await actorOf("editor", { language: "id" });
    const indonesian = new Visitor(inject("appUrl"));
    await indonesian.login(person.email, testPassword);
    const response = await indonesian.request("/articles/new", { method: "POST", body: form({ intent: "url", url: "http://169.254.169.254/" }), headers: { Origin: new URL(inject("appUrl")).origin } });
    expect(await response.text()).toContain("Factdesk tidak mengambil dari alamat ini");
  });
});

describe("import: unusual but valid input", () => {
  let editor: Visitor;
  beforeAll(async () => {
    const person = await actorOf("editor");
    editor = new Visitor(inject("appUrl"), { "Accept-Language": "en" });
    await editor.login(person.email, testPassword);
  });

  async function importPaste(title: string, body: string) {
    const response = await editor.request("/articles/new", { method: "POST", body: form({ intent: "paste", title, body }), headers: { Origin: new URL(inject("appUrl")).origin } });
    expect(response.status).toBe(302);
    const id = response.headers.get("Location")!.split("/").pop()!;
    return prisma.article.findUniqueOrThrow({ where: { id }, select: { body: true, language: true, _count: { select: { suggestions: true } } } });
  }

  it("keeps right-to-left text and emoji intact", async () => {
    const article = await importPaste("RTL dan emoji", "قال المتحدث إن 300 شخص أصيبوا في الحادث 🚑.\nWarga menyebut 300 orang terluka 😢 dalam kecelakaan itu, kata polisi.");
    expect(article.body).toContain("قال المتحدث إن 300 شخص أصيبوا في الحادث 🚑.");
    expect(article.body).toContain("300 orang terluka 😢");
  });

  it("imports a 1,000-paragraph article with suggestions", async () => {
    const paragraphs = Array.from({ length: 1000 }, (_, i) => `Paragraf ${i + 1}: pemerintah menyebut ${i + 10} desa terdampak kekeringan, kata pejabat setempat.`);
    const article = await importPaste("Seribu paragraf", paragraphs.join("\n"));
    expect(article.body.split("\n\n")).toHaveLength(1000);
    expect(article._count.suggestions).toBeGreaterThan(500);
  });

  it("imports a page with script and onerror payloads as plain text only", async () => {
    const response = await editor.request("/articles/new", {
      method: "POST",
      body: form({ intent: "file", name: "payload.html", type: "text/html", bytes: new TextEncoder().encode(payloadPage) }),
      headers: { Origin: new URL(inject("appUrl")).origin },
    });
    expect(response.status).toBe(302);
    const id = response.headers.get("Location")!.split("/").pop()!;
    const article = await prisma.article.findUniqueOrThrow({ where: { id }, select: { title: true, body: true } });
    expect(article.body).toContain("Gubernur menyebut 35 persen jalan provinsi rusak berat");
    for (const fragment of ["<script", "alert(", "onerror", "<img", "javascript:"]) expect(article.body + article.title).not.toContain(fragment);
    const page = await (await editor.get(`/articles/${id}`)).text();
    expect(page).not.toContain("<img src=x");
    expect(page).not.toMatch(/<script>alert/);
  });
});

const payloadPage = `<!doctype html><html lang="id"><head><title>Jalan Rusak - Kabar Daerah</title>
<script>alert(document.cookie)</script></head><body><article><h1>Jalan Rusak di Provinsi</h1>
<p>Gubernur menyebut 35 persen jalan provinsi rusak berat akibat truk bermuatan lebih, Selasa (4/3/2025).<img src=x onerror="alert(1)"></p>
<p>Dinas Perhubungan membantah bahwa jembatan timbang tidak beroperasi selama tiga bulan terakhir.<script>alert(2)</script></p>
<p>"Kami sudah menilang 1.500 truk sejak Januari," kata Kepala Dinas Perhubungan kepada wartawan di kantornya.</p>
<p><a href="javascript:alert(3)">Klik di sini</a> untuk membaca laporan lengkap tentang kerusakan jalan di provinsi ini.</p>
</article></body></html>`;
