// What an uploaded file's or a fetched page's bytes are: a known binary format (by its first bytes), or
// text. Uploaded text files are decoded strictly (UTF-8, or UTF-16 with a BOM); fetched pages by the web's
// rules (~/fetching/web-text).
import { ImportError } from "../text";

type Sniffed = "pdf" | "zip" | "image" | "executable" | "ole" | "archive" | null;

function startsWith(bytes: Uint8Array, signature: number[], offset = 0): boolean {
  return signature.every((byte, i) => bytes[offset + i] === byte);
}

/** Recognises common binary formats by their first bytes. */
export function sniffBinary(bytes: Uint8Array): Sniffed {
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

export const sniffedTypes: Record<Exclude<Sniffed, null>, string> = {
  pdf: "application/pdf",
  zip: "application/zip",
  ole: "application/msword",
  image: "image",
  executable: "application/octet-stream",
  archive: "application/octet-stream",
};

/** Strict decoding: UTF-8 (BOM optional) or UTF-16 with a BOM; anything else is unreadable. */
export function decodeStrict(bytes: Uint8Array): string {
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
export function assertTextLike(text: string) {
  if (text.includes("\u0000")) throw new ImportError("unreadable_text");
  const controls = text.match(/[\u0001-\u0008\u000E-\u001F\u007F]/g)?.length ?? 0;
  if (controls > 0 && controls > text.length / 200) throw new ImportError("unreadable_text");
}
