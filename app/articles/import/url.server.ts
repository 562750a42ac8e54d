// A URL: the page is fetched by the safe fetcher (~/fetching/safe-fetch.server), decoded by the web's
// rules (~/fetching/web-text), and its article read in a document worker; a plain-text page is taken as
// it is. The fetcher's failures become ImportErrors.
import { type SafeFetchOptions, SafeFetchError, safeFetch } from "~/fetching/safe-fetch.server";
import { decodeWebText } from "~/fetching/web-text";
import { articleLimits, articleParagraphs, collapseWhitespace, ImportError, type ImportFailure } from "../text";
import { assertTextLike, sniffBinary, sniffedTypes } from "./bytes";
import { documentTasks, readDocument } from "./documents.server";
import { type ArticleDraft, finishDraft, limitMb, titleAndBody } from "./draft";

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
