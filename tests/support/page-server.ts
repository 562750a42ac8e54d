// A local web server on 127.0.0.1 standing in for news sites in tests and benchmarks: article pages from
// tests/fixtures/pages, and every way a site can go wrong (errors, loops, slowness, size, PDFs).
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const fixtures = path.resolve(import.meta.dirname, "../fixtures");

const types: Record<string, string> = { ".html": "text/html; charset=utf-8", ".txt": "text/plain; charset=utf-8" };

export type NewsPage = { file: string; title: string; outlet: string; author: string; published: string; canonical: string };

/** News articles served as pages, with the clutter real pages have (navigation, scripts, related links). */
export const newsPages: Record<string, NewsPage> = {
  "banjir-bekasi": {
    file: "articles/banjir-bekasi.txt",
    title: "Banjir Rendam 1.200 Rumah di Bekasi, Wali Kota Bantah Tanggul Jebol karena Kelalaian",
    outlet: "Warta Metro",
    author: "Rina Marlina",
    published: "2025-03-02T09:30:00+07:00",
    canonical: "https://wartametro.example.id/metro/2025/03/02/banjir-bekasi",
  },
  kursk: {
    file: "tribunnews-kursk-2024-10-28.txt",
    title: "Korea Utara Kirim 10.000 Tentara ke Kursk, NATO Konfirmasi",
    outlet: "Tribunnews.com",
    author: "Whiesa Daniswara",
    published: "2024-10-28T14:05:00+07:00",
    canonical: "https://www.tribunnews.com/internasional/2024/10/28/korea-utara-kirim-10000-tentara-ke-kursk",
  },
};

export function newsPageHtml(page: NewsPage): string {
  const lines = readFileSync(path.join(fixtures, page.file), "utf8").split("\n").filter(Boolean);
  const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  return `<!doctype html><html lang="id"><head><meta charset="utf-8">
<title>${escape(page.title)} - ${escape(page.outlet)}</title>
<meta property="og:site_name" content="${escape(page.outlet)}">
<meta property="og:title" content="${escape(page.title)}">
<meta property="article:published_time" content="${page.published}">
<meta name="author" content="${escape(page.author)}">
<link rel="canonical" href="${page.canonical}">
<script>window.ads = true;</script></head>
<body><header><nav><a href="/">Beranda</a> <a href="/nasional">Nasional</a> <a href="/internasional">Internasional</a></nav></header>
<main><article><h1>${escape(page.title)}</h1>
<div class="byline">Penulis: ${escape(page.author)}</div>
${lines.map((line) => `<p>${escape(line)}</p>`).join("\n")}
</article>
<aside><h3>Berita Terkait</h3><ul><li><a href="/a">Zelensky minta bantuan</a></li><li><a href="/b">Harga minyak naik</a></li></ul></aside></main>
<footer>© ${escape(page.outlet)}. Hak cipta dilindungi.</footer></body></html>`;
}

/**
 * A page of `bytes` (about) whose body is one chain of nested <div>s around a short article: the shape
 * that froze a process for minutes before documents had shape limits (issue 10, finding 2).
 */
export function nestedPageHtml(bytes: number): string {
  const levels = Math.floor((bytes - 400) / 11); // "<div>" + "</div>"
  const text = "<p>Harga beras naik 12 persen dalam sebulan, kata Badan Pusat Statistik.</p>";
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Bersarang</title></head><body>${"<div>".repeat(levels)}${text}${"</div>".repeat(levels)}</body></html>`;
}

export type PageServer = { url: string; hostPort: string; close: () => Promise<void> };

export async function startPageServer(): Promise<PageServer> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const route = url.pathname;
    const news = route.startsWith("/news/") ? newsPages[route.slice(6)] : undefined;
    if (news) {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(newsPageHtml(news));
    } else if (route.startsWith("/pages/")) {
      const file = path.join(fixtures, "pages", path.basename(route));
      try {
        const body = readFileSync(file);
        res.writeHead(200, { "Content-Type": types[path.extname(file)] ?? "application/octet-stream" }).end(body);
      } catch {
        res.writeHead(404).end("not found");
      }
    } else if (route.startsWith("/status/")) {
      res.writeHead(Number(route.slice(8)), { "Content-Type": "text/html" }).end("<h1>Error</h1>");
    } else if (route === "/loop") {
      res.writeHead(302, { Location: "/loop" }).end();
    } else if (route === "/to-metadata") {
      res.writeHead(302, { Location: "http://169.254.169.254/latest/meta-data/" }).end();
    } else if (route === "/slow") {
      // Answers long after any sane timeout; the socket closes with the server.
      setTimeout(() => res.writeHead(200, { "Content-Type": "text/html" }).end("<p>late</p>"), 30_000).unref();
    } else if (route === "/nested") {
      // 1 MB of nested <div>s (?mb=4 for 4 MB).
      const megabytes = Math.min(4, Number(url.searchParams.get("mb") ?? 1) || 1);
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(nestedPageHtml(megabytes * 1024 * 1024));
    } else if (route === "/report.pdf") {
      res.writeHead(200, { "Content-Type": "application/pdf" }).end("%PDF-1.7\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF");
    } else if (route === "/huge") {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      const chunk = `<p>${"Berita panjang sekali. ".repeat(400)}</p>\n`;
      let sent = 0;
      const pump = () => {
        while (sent < 7 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        res.end();
      };
      pump();
    } else {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hostPort: `127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
