// Bytes fetched from the web (or a saved web page) to text: the one charset decoder of Factdesk, used by
// article import (URL and uploaded .html) and by source archiving.
//
// The order is the browser's: a byte-order mark, then the charset of the HTTP Content-Type, then (for
// HTML) the page's own <meta charset> or <meta http-equiv="Content-Type"> in its first 4 KB, else UTF-8.
// Decoding is lenient (a bad byte becomes U+FFFD); an unknown charset label is ignored.

/** A decoder for a charset label ("windows-1252", "'utf-8'"), or null when the label is missing or unknown. */
function charsetDecoder(label: string | null | undefined): TextDecoder | null {
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

/** The decoder for the charset an HTML page declares in its <meta>, or null when it declares none we know. */
export function declaredHtmlDecoder(bytes: Uint8Array): TextDecoder | null {
  return charsetDecoder(declaredHtmlCharset(bytes));
}

/** Decodes a fetched page: BOM, then the HTTP charset, then (HTML) <meta charset>, else UTF-8 (lenient). */
export function decodeWebText(bytes: Uint8Array, contentType: string | null, html: boolean): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder("utf-8").decode(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  const httpCharset = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? "")?.[1];
  const decoder = charsetDecoder(httpCharset) ?? (html ? declaredHtmlDecoder(bytes) : null) ?? new TextDecoder("utf-8");
  return decoder.decode(bytes);
}
