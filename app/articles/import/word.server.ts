// An uploaded Word document (.docx): read with mammoth after its ZIP container has been checked by
// inflating every entry under a size budget (a zip bomb is refused before mammoth and its unzip library
// see it). Runs in a document worker (documents.server.ts).
import { inflateRawSync } from "node:zlib";
import mammoth from "mammoth";
import { htmlFragmentParagraphs } from "../extract.server";
import { ImportError } from "../text";
import { tooLarge } from "./draft";

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
