import { extractArticle } from "./app/articles/extract.server";
for (const depth of [5000, 50000]) {
const html = `<html><body><article>${"<div>".repeat(depth)}<p>${"Teks panjang tentang harga beras yang naik. ".repeat(20)}</p><p>${"Paragraf kedua yang juga cukup panjang. ".repeat(10)}</p>${"</div>".repeat(depth)}</article></body></html>`;
const t = Date.now();
try { const a = extractArticle(html, null); console.log(depth, "ok", a.paragraphs.length, Date.now()-t); } catch (e) { console.log(depth, "ERR", (e as Error).name, (e as Error).message.slice(0,100), Date.now()-t); }
}
