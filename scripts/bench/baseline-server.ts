// The benchmark's baseline: a bare `node:http` server answering every request with the same 8 KB HTML
// page from memory (about the size of the app's login and dashboard pages, headers aside). It is what this machine, this Node.js and autocannon manage with no framework, no
// rendering and no database, so the app's rows can be read as a share of it. Run as a child process by
// scripts/bench.ts; prints `Baseline listening on port <port>` when ready. PORT (default 0: any free port).
import { createServer } from "node:http";

const paragraph =
  "Claims are checked against primary sources before a verdict is published. Each step is logged so that " +
  "editors and reviewers can see who changed what, and readers can follow the reasoning behind a rating.";

function page(targetBytes: number): Buffer {
  const head =
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<title>Factdesk</title><link rel="stylesheet" href="/assets/root.css"></head><body><main id="main"><h1>Baseline page</h1>';
  const tail = "</main></body></html>\n";
  let body = "";
  for (let i = 1; Buffer.byteLength(head + body + tail) < targetBytes; i++) {
    body += `<section><h2>Section ${i}</h2><p>${paragraph}</p></section>`;
  }
  return Buffer.from(head + body + tail);
}

const html = page(8192);

const server = createServer((_request, response) => {
  response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": html.length });
  response.end(html);
});

server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  console.log(`Baseline listening on port ${port} (page: ${html.length} bytes)`);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}
