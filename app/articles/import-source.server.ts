// The three ways an article reaches the desk — pasted text, a URL, an uploaded file — each turned into
// the same ArticleDraft: a title, a normalised plain-text body (paragraphs separated by "\n\n") and what
// is known about the article. Nothing here touches the database; failures are ImportErrors with a code
// the import form turns into a message.
//
// Files are judged by extension AND content: a binary file named .txt, text that is not valid UTF-8
// (or UTF-16 with a BOM) and a .docx that is not a Word document are unreadable_text; file types not
// listed below are unsupported_file_type. Word documents are read with mammoth after their ZIP container
// has been checked by inflating every entry under a size budget (a zip bomb is refused before mammoth
// and its unzip library see it).
import { inflateRawSync } from "node:zlib";
import type { Nodes, Root } from "mdast";
import mammoth from "mammoth";
import { fromMarkdown } from "mdast-util-from-markdown";
import { type SafeFetchOptions, SafeFetchError, safeFetch } from "~/fetching/safe-fetch.server";
import { instantOf, isCalendarDay } from "~/newsroom/clock";
import {
  DocumentRefusal,
  type DocumentTask,
  DocumentTaskError,
  documentTask,
  readerLimits,
  readUntrustedDocument,
} from "~/fetching/untrusted-document/read.server";
import { type extractArticle, htmlFragmentParagraphs } from "./extract.server";
import {
  articleLimits,
  articleParagraphs,
  collapseWhitespace,
  detectLanguage,
  hasUnreadableCharacters,
  ImportError,
  type ImportFailure,
  isRelatedLinkLine,
  languageFromTag,
} from "./text";

export { ImportError, type ImportFailure } from "./text";

export type ImportMethod = "PASTE" | "URL" | "FILE";

export type ArticleDraft = {
  title: string;
  /** Normalised: see normaliseArticleText. */
  body: string;
  language: "id" | "en" | "und";
  outlet: string | null;
  author: string | null;
  publishedAt: Date | null;
  originalUrl: string | null;
  canonicalUrl: string | null;
  method: ImportMethod;
};

const limitMb = Math.round(articleLimits.maxBytes / (1024 * 1024));
const tooLarge = () => new ImportError("too_large", { limitMb });

// ---------------------------------------------------------------------------------------------------------
// Shared

type DraftParts = {
  title: string;
  paragraphs: string[];
  outlet?: string | null;
  author?: string | null;
  publishedAt?: Date | null;
  originalUrl?: string | null;
  canonicalUrl?: string | null;
  htmlLang?: string | null;
  method: ImportMethod;
};

function optionalName(value: string | null | undefined): string | null {
  const name = collapseWhitespace(value ?? "");
  return name === "" ? null : name.slice(0, articleLimits.maxNameLength);
}

function shortenTitle(title: string): string {
  if (title.length <= articleLimits.maxTitleLength) return title;
  return `${title.slice(0, articleLimits.maxTitleLength - 1).replace(/\s+\S*$/, "")}…`;
}

function finishDraft(parts: DraftParts): ArticleDraft {
  const paragraphs = parts.paragraphs.filter((p) => p !== "");
  if (paragraphs.length === 0) throw new ImportError("empty", { field: "body" });
  if (paragraphs.length > articleLimits.maxParagraphs) {
    throw new ImportError("too_large", { limitMb, maxParagraphs: articleLimits.maxParagraphs });
  }
  const body = paragraphs.join("\n\n");
  const title = shortenTitle(collapseWhitespace(parts.title)) || shortenTitle(paragraphs[0] ?? "");
  let language = detectLanguage(`${title}\n${body}`);
  if (language === "und") language = languageFromTag(parts.htmlLang);
  return {
    title,
    body,
    language,
    outlet: optionalName(parts.outlet),
    author: optionalName(parts.author),
    publishedAt: parts.publishedAt ?? null,
    originalUrl: parts.originalUrl ?? null,
    canonicalUrl: parts.canonicalUrl ?? null,
    method: parts.method,
  };
}

/** The first paragraph when it reads like a headline (short, no closing punctuation), else null. */
function headlineOf(paragraphs: string[]): string | null {
  const [first] = paragraphs;
  if (!first || paragraphs.length < 2) return null;
  if (first.length > 150 || /[.,;:]$/.test(first)) return null;
  return first;
}

/** Splits off a headline-like first paragraph as the title, else uses `fallback`. */
function titleAndBody(paragraphs: string[], fallback: string): { title: string; paragraphs: string[] } {
  const headline = headlineOf(paragraphs);
  if (headline) return { title: headline, paragraphs: paragraphs.slice(1) };
  return { title: fallback, paragraphs };
}

function httpUrlOrThrow(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ImportError("invalid_url", { field: "originalUrl" });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new ImportError("unsupported_scheme", { field: "originalUrl" });
  if (url.username !== "" || url.password !== "") throw new ImportError("invalid_url", { field: "originalUrl" });
  url.hash = "";
  return url.href;
}

/**
 * "2024-10-28", "2024-10-28T21:05", an ISO timestamp, or the Indonesian "28/10/2024". A date alone is kept
 * as UTC midnight (a calendar date); a time without an offset is read in `timeZone` (the newsroom's).
 */
function parsePublishedInput(raw: string, timeZone: string): Date {
  const value = raw.trim();
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  const iso = dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, "0")}-${dmy[1]!.padStart(2, "0")}` : value;
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(iso)) {
    throw new ImportError("unreadable_text", { field: "publishedAt" });
  }
  const day = iso.slice(0, 10);
  const time = iso.slice(11);
  if (!isCalendarDay(day)) throw new ImportError("unreadable_text", { field: "publishedAt" });
  if (time === "") return new Date(`${day}T00:00:00Z`);
  if (/(Z|[+-]\d{2}:?\d{2})$/.test(time)) {
    const date = new Date(`${day}T${time}`);
    if (Number.isNaN(date.getTime())) throw new ImportError("unreadable_text", { field: "publishedAt" });
    return date;
  }
  try {
    return instantOf(day, time, timeZone);
  } catch {
    throw new ImportError("unreadable_text", { field: "publishedAt" });
  }
}

// ---------------------------------------------------------------------------------------------------------
// Paste

export function draftFromPaste(input: {
  title: string;
  body: string;
  outlet?: string | undefined;
  author?: string | undefined;
  publishedAt?: string | undefined;
  originalUrl?: string | undefined;
  /** The newsroom's time zone: a published time typed without an offset is read there. */
  timeZone?: string;
}): ArticleDraft {
  const fields = [input.title, input.body, input.outlet, input.author, input.publishedAt, input.originalUrl];
  const bytes = fields.reduce((sum, field) => sum + Buffer.byteLength(field ?? "", "utf8"), 0);
  if (bytes > articleLimits.maxBytes) throw tooLarge();
  for (const [name, value] of Object.entries({ title: input.title, body: input.body, outlet: input.outlet, author: input.author })) {
    if (value && hasUnreadableCharacters(value)) throw new ImportError("unreadable_text", { field: name });
  }
  const paragraphs = articleParagraphs(input.body ?? "");
  if (paragraphs.length === 0) throw new ImportError("empty", { field: "body" });
  const title = collapseWhitespace(input.title ?? "");
  if (title === "") throw new ImportError("empty", { field: "title" });
  if (title.length > articleLimits.maxTitleLength) {
    throw new ImportError("too_large", { field: "title", maxLength: articleLimits.maxTitleLength });
  }
  const originalUrl = input.originalUrl?.trim() ? httpUrlOrThrow(input.originalUrl) : null;
  const publishedAt = input.publishedAt?.trim() ? parsePublishedInput(input.publishedAt, input.timeZone ?? "UTC") : null;
  return finishDraft({
    title,
    paragraphs,
    outlet: input.outlet ?? null,
    author: input.author ?? null,
    publishedAt,
    originalUrl,
    canonicalUrl: null,
    method: "PASTE",
  });
}

// ---------------------------------------------------------------------------------------------------------
// Bytes → text

type Sniffed = "pdf" | "zip" | "image" | "executable" | "ole" | "archive" | null;

function startsWith(bytes: Uint8Array, signature: number[], offset = 0): boolean {
  return signature.every((byte, i) => bytes[offset + i] === byte);
}

/** Recognises common binary formats by their first bytes. */
function sniffBinary(bytes: Uint8Array): Sniffed {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf"; // %PDF-
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return "zip";
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "ole"; // .doc, .xls
  if (
    startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || // PNG
    startsWith(bytes, [0xff, 0xd8, 0xff]) || // JPEG
    startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) || // GIF
    (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) // WEBP
  ) {
    return "image";
  }
  if (startsWith(bytes, [0x4d, 0x5a]) || startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46]) || startsWith(bytes, [0xcf, 0xfa, 0xed, 0xfe])) {
    return "executable"; // MZ (Windows), ELF, Mach-O
  }
  if (startsWith(bytes, [0x1f, 0x8b]) || startsWith(bytes, [0x42, 0x5a, 0x68]) || startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf])) {
    return "archive"; // gzip, bzip2, 7z
  }
  return null;
}

const sniffedTypes: Record<Exclude<Sniffed, null>, string> = {
  pdf: "application/pdf",
  zip: "application/zip",
  ole: "application/msword",
  image: "image",
  executable: "application/octet-stream",
  archive: "application/octet-stream",
};

/** Strict decoding: UTF-8 (BOM optional) or UTF-16 with a BOM; anything else is unreadable. */
function decodeStrict(bytes: Uint8Array): string {
  let encoding = "utf-8";
  if (startsWith(bytes, [0xff, 0xfe])) encoding = "utf-16le";
  else if (startsWith(bytes, [0xfe, 0xff])) encoding = "utf-16be";
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError("unreadable_text");
  }
}

/** Text with NUL bytes, or with more than a few other control characters, is binary data. */
function assertTextLike(text: string) {
  if (text.includes("\u0000")) throw new ImportError("unreadable_text");
  const controls = text.match(/[\u0001-\u0008\u000E-\u001F\u007F]/g)?.length ?? 0;
  if (controls > 0 && controls > text.length / 200) throw new ImportError("unreadable_text");
}

function decoderFor(label: string | null | undefined): TextDecoder | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim().replace(/^["']|["']$/g, ""));
  } catch {
    return null;
  }
}

/** The charset a page declares in <meta charset> or <meta http-equiv="Content-Type">, from its first 4 KB. */
function declaredHtmlCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 4096));
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1] ?? null;
}

/** Decodes a fetched page: BOM, then the HTTP charset, then <meta charset>, else UTF-8 (lenient). */
function decodeWebText(bytes: Uint8Array, contentType: string | null, html: boolean): string {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return new TextDecoder("utf-8").decode(bytes);
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder("utf-16le").decode(bytes);
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder("utf-16be").decode(bytes);
  const httpCharset = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? "")?.[1];
  const decoder = decoderFor(httpCharset) ?? (html ? decoderFor(declaredHtmlCharset(bytes)) : null) ?? new TextDecoder("utf-8");
  return decoder.decode(bytes);
}

/** The import's failure for a document the reader refused. */
function importErrorOf(refusal: DocumentRefusal): ImportError {
  const options = { cause: refusal, message: refusal.message };
  switch (refusal.code) {
    case "too_deeply_nested":
    case "too_many_elements":
    case "busy":
      return new ImportError(refusal.code, refusal.detail, options);
    default:
      return new ImportError("too_complex", { seconds: readerLimits.timeoutMs / 1000, memoryMb: readerLimits.maxOldGenerationSizeMb }, options);
  }
}

/** What an upload or a fetched page is read with, each in a document worker (~/fetching/untrusted-document). */
const documentTasks = {
  /** A news page (URL import, uploaded .html): the article and its details. */
  articlePage: documentTask<typeof extractArticle>("app/articles/extract.server.ts", "extractArticle"),
  /** An uploaded Markdown file: its first heading and its paragraphs. */
  markdown: documentTask<typeof markdownDraftParts>("app/articles/import-source.server.ts", "markdownDraftParts"),
  /** An uploaded Word document: its first heading and its paragraphs (ZIP checked, then mammoth). */
  docx: documentTask<typeof docxDraftParts>("app/articles/import-source.server.ts", "docxDraftParts"),
};

/** Reads an uploaded or fetched document in a worker; its refusals and ImportErrors come back as ImportErrors. */
async function readDocument<F extends (...args: never[]) => unknown>(task: DocumentTask<F>, ...args: Parameters<F>): Promise<Awaited<ReturnType<F>>> {
  try {
    return await readUntrustedDocument(task, args);
  } catch (error) {
    if (error instanceof DocumentRefusal) throw importErrorOf(error);
    if (error instanceof DocumentTaskError && error.errorName === "ImportError") {
      throw new ImportError(error.code as ImportError["reason"], error.detail, { message: error.message });
    }
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Markdown

const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;
const hardBreak = "\u2029";

function markdownInline(node: Nodes): string {
  switch (node.type) {
    case "text":
    case "inlineCode":
      return node.value;
    case "break":
      return hardBreak;
    case "image":
    case "imageReference":
    case "html":
    case "footnoteReference":
      return "";
    default:
      return "children" in node ? (node.children as Nodes[]).map(markdownInline).join("") : "";
  }
}

/** A Markdown paragraph's text: hard breaks split it; soft line breaks are spaces, except that a line
 * that is a related-article link ("Baca juga: …") is dropped rather than merged into the paragraph. */
function markdownParagraphs(text: string): string[] {
  return text
    .split(hardBreak)
    .map((part) =>
      part
        .split("\n")
        .filter((line) => !isRelatedLinkLine(line))
        .join(" "),
    )
    .flatMap((part) => articleParagraphs(part));
}

/** A Markdown file's heading and paragraphs. Runs in a document worker (task `markdown`). */
export function markdownDraftParts(source: string): { heading: string | null; paragraphs: string[] } {
  let text = source;
  let heading: string | null = null;
  const front = frontMatter.exec(text);
  if (front) {
    text = text.slice(front[0].length);
    const title = /^title\s*:\s*(.+)$/im.exec(front[1] ?? "")?.[1];
    if (title) heading = collapseWhitespace(title.replace(/^["']|["']$/g, "")) || null;
  }
  const tree: Root = fromMarkdown(text);
  const paragraphs: string[] = [];
  const visit = (node: Nodes) => {
    switch (node.type) {
      case "heading": {
        const headingText = collapseWhitespace(markdownInline(node).replaceAll(hardBreak, " "));
        if (heading === null && headingText !== "") heading = headingText;
        else paragraphs.push(...markdownParagraphs(headingText));
        return;
      }
      case "paragraph":
        paragraphs.push(...markdownParagraphs(markdownInline(node)));
        return;
      case "code":
        paragraphs.push(...articleParagraphs(node.value));
        return;
      case "html":
        paragraphs.push(...htmlFragmentParagraphs(node.value).paragraphs);
        return;
      case "thematicBreak":
      case "definition":
      case "footnoteDefinition":
      case "yaml":
        return;
      default:
        if ("children" in node) for (const child of node.children as Nodes[]) visit(child);
    }
  };
  visit(tree);
  return { heading, paragraphs };
}

// ---------------------------------------------------------------------------------------------------------
// Word (.docx)

const zipLimits = { maxEntries: 2000, maxTotalBytes: 64 * 1024 * 1024, maxEntryBytes: 32 * 1024 * 1024 };

/**
 * Checks a ZIP container before any ZIP library opens it: every entry is inflated under a budget (a zip
 * bomb ends as too_large here) and must have exactly the size its directory declares (so the library,
 * which reads the same directory, cannot be made to inflate more). Returns the entry names.
 */
function checkZip(bytes: Uint8Array): Set<string> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const unreadable = () => new ImportError("unreadable_text", { type: "docx" });
  let eocd = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 22 - 0xffff); i -= 1) {
    if (buffer.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw unreadable();
  const entries = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  if (entries > zipLimits.maxEntries || entries === 0xffff || offset === 0xffffffff) throw unreadable();
  const names = new Set<string>();
  let total = 0;
  for (let n = 0; n < entries; n += 1) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== 0x02014b50) throw unreadable();
    const flags = buffer.readUInt16LE(offset + 8);
    const method = buffer.readUInt16LE(offset + 10);
    const compressedSize = buffer.readUInt32LE(offset + 20);
    const size = buffer.readUInt32LE(offset + 24);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    const localOffset = buffer.readUInt32LE(offset + 42);
    const name = buffer.toString("utf8", offset + 46, offset + 46 + nameLength);
    offset += 46 + nameLength + extraLength + commentLength;
    if (flags & 0x1) throw unreadable(); // encrypted
    if (size > zipLimits.maxEntryBytes || (total += size) > zipLimits.maxTotalBytes) throw tooLarge();
    if (localOffset + 30 > buffer.length || buffer.readUInt32LE(localOffset) !== 0x04034b50) throw unreadable();
    const dataStart = localOffset + 30 + buffer.readUInt16LE(localOffset + 26) + buffer.readUInt16LE(localOffset + 28);
    const data = buffer.subarray(dataStart, dataStart + compressedSize);
    if (data.length !== compressedSize) throw unreadable();
    let actual: number;
    if (method === 0) actual = compressedSize;
    else if (method === 8) {
      try {
        actual = inflateRawSync(data, { maxOutputLength: Math.max(1, size) }).length;
      } catch (error) {
        if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge();
        throw unreadable();
      }
    } else throw unreadable();
    if (actual !== size) throw unreadable();
    names.add(name);
  }
  return names;
}

/** A Word file's heading and paragraphs. Runs in a document worker (task `docx`). */
export async function docxDraftParts(bytes: Uint8Array): Promise<{ heading: string | null; paragraphs: string[] }> {
  const names = checkZip(bytes);
  if (!names.has("word/document.xml")) throw new ImportError("unreadable_text", { type: "docx" });
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        externalFileAccess: false,
        styleMap: ["p[style-name='Title'] => h1:fresh"],
        // Images are never read: the text is all that is kept.
        convertImage: mammoth.images.imgElement(async () => ({ src: "" })),
      },
    );
    html = result.value;
  } catch (error) {
    throw new ImportError("unreadable_text", { type: "docx" }, { cause: error });
  }
  return htmlFragmentParagraphs(html);
}

// ---------------------------------------------------------------------------------------------------------
// File

const textExtensions = new Set(["txt", "text"]);
const markdownExtensions = new Set(["md", "markdown"]);
const htmlExtensions = new Set(["html", "htm", "xhtml"]);

function fileKind(name: string, type: string): "txt" | "md" | "html" | "docx" | null {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? "";
  if (textExtensions.has(extension)) return "txt";
  if (markdownExtensions.has(extension)) return "md";
  if (htmlExtensions.has(extension)) return "html";
  if (extension === "docx") return "docx";
  if (extension !== "") return null;
  // No extension: the browser's type decides.
  const essence = type.split(";")[0]?.trim().toLowerCase() ?? "";
  if (essence === "text/plain") return "txt";
  if (essence === "text/markdown") return "md";
  if (essence === "text/html" || essence === "application/xhtml+xml") return "html";
  if (essence === "application/vnd.openxmlformats-officedocument.wordprocessingml.document") return "docx";
  return null;
}

function baseName(name: string): string {
  const last = name.split(/[/\\]/).pop() ?? "";
  return collapseWhitespace(last.replace(/\.[a-z0-9]+$/i, "")) || "Untitled";
}

export async function draftFromFile(file: { name: string; type: string; bytes: Uint8Array }): Promise<ArticleDraft> {
  const kind = fileKind(file.name, file.type);
  const sniffed = sniffBinary(file.bytes);
  if (!kind) {
    const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();
    throw new ImportError("unsupported_file_type", { type: file.type || (sniffed ? sniffedTypes[sniffed] : extension ? `.${extension}` : "unknown") });
  }
  if (file.bytes.byteLength > articleLimits.maxBytes) throw tooLarge();
  if (file.bytes.byteLength === 0) throw new ImportError("empty");
  const fallbackTitle = baseName(file.name);

  if (kind === "docx") {
    if (sniffed !== "zip") throw new ImportError("unreadable_text", { type: "docx" });
    const { heading, paragraphs } = await readDocument(documentTasks.docx, file.bytes);
    const split = heading ? { title: heading, paragraphs } : titleAndBody(paragraphs, fallbackTitle);
    return finishDraft({ ...split, method: "FILE" });
  }

  // Text formats: a known binary signature means the name lies.
  if (sniffed) throw new ImportError("unreadable_text", { type: sniffedTypes[sniffed] });
  let text: string;
  try {
    text = decodeStrict(file.bytes);
  } catch (error) {
    // A saved web page may declare a legacy charset (windows-1252, iso-8859-1) in its <meta>.
    const declared = kind === "html" ? decoderFor(declaredHtmlCharset(file.bytes)) : null;
    if (!declared || declared.encoding === "utf-8") throw error;
    text = declared.decode(file.bytes);
  }
  assertTextLike(text);

  if (kind === "html") {
    const article = await readDocument(documentTasks.articlePage, text, null);
    return finishDraft({ ...article, method: "FILE", originalUrl: null });
  }
  if (kind === "md") {
    const { heading, paragraphs } = await readDocument(documentTasks.markdown, text);
    const split = heading ? { title: heading, paragraphs } : titleAndBody(paragraphs, fallbackTitle);
    return finishDraft({ ...split, method: "FILE" });
  }
  return finishDraft({ ...titleAndBody(articleParagraphs(text), fallbackTitle), method: "FILE" });
}

// ---------------------------------------------------------------------------------------------------------
// URL

const fetchFailures: Record<SafeFetchError["code"], ImportFailure> = {
  invalid_url: "invalid_url",
  unsupported_scheme: "unsupported_scheme",
  refused_address: "refused_address",
  dns_failed: "fetch_failed",
  connection_failed: "fetch_failed",
  timeout: "timeout",
  too_large: "too_large",
  too_many_redirects: "too_many_redirects",
  http_error: "http_error",
};

function importErrorFrom(error: SafeFetchError): ImportError {
  const code = fetchFailures[error.code];
  const detail: Record<string, string | number> | undefined =
    code === "too_large" ? { limitMb } : code === "http_error" && error.status !== undefined ? { status: error.status } : undefined;
  return new ImportError(code, detail, { cause: error, message: error.message });
}

function looksLikeHtml(text: string): boolean {
  return /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)\b/i.test(text.slice(0, 2048));
}

function titleFromUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const segment = decodeURIComponent(parsed.pathname.split("/").filter(Boolean).pop() ?? "");
    return collapseWhitespace(segment.replace(/\.[a-z0-9]+$/i, "").replace(/[-_]+/g, " ")) || parsed.hostname;
  } catch {
    return url;
  }
}

export async function draftFromUrl(url: string, options: SafeFetchOptions = {}): Promise<ArticleDraft> {
  let originalUrl: string;
  try {
    originalUrl = new URL(url.trim()).href;
  } catch {
    throw new ImportError("invalid_url");
  }
  let resource;
  try {
    resource = await safeFetch(url, { maxBytes: articleLimits.maxBytes, ...options });
  } catch (error) {
    if (error instanceof SafeFetchError) throw importErrorFrom(error);
    throw error;
  }
  originalUrl = originalUrl.replace(/#.*$/, "");
  const essence = resource.contentType?.split(";")[0]?.trim().toLowerCase() || null;
  const sniffed = sniffBinary(resource.body);
  if (sniffed) throw new ImportError("not_an_article", { type: essence && essence !== "text/html" ? essence : sniffedTypes[sniffed] });

  const isHtml = essence === "text/html" || essence === "application/xhtml+xml";
  const isText = essence === "text/plain";
  const unknown = essence === null || essence === "application/octet-stream";
  if (!isHtml && !isText && !unknown) throw new ImportError("not_an_article", { type: essence });

  const text = decodeWebText(resource.body, resource.contentType, !isText);
  if (text.trim() === "") throw new ImportError("empty");
  assertTextLike(text);

  if (isHtml || (unknown && looksLikeHtml(text))) {
    const article = await readDocument(documentTasks.articlePage, text, resource.url);
    return finishDraft({ ...article, originalUrl, method: "URL" });
  }
  if (unknown) throw new ImportError("not_an_article", { type: essence ?? "unknown" });
  return finishDraft({
    ...titleAndBody(articleParagraphs(text), titleFromUrl(resource.url)),
    originalUrl,
    canonicalUrl: resource.url,
    method: "URL",
  });
}
