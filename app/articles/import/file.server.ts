// An uploaded file, judged by extension AND content: a binary file named .txt, text that is not valid
// UTF-8 (or UTF-16 with a BOM) and a .docx that is not a Word document are unreadable_text; file types not
// listed below are unsupported_file_type. HTML, Markdown and Word files are read in a document worker.
import { declaredHtmlDecoder } from "~/fetching/web-text";
import { articleLimits, articleParagraphs, collapseWhitespace, ImportError } from "../text";
import { assertTextLike, decodeStrict, sniffBinary, sniffedTypes } from "./bytes";
import { documentTasks, readDocument } from "./documents.server";
import { type ArticleDraft, finishDraft, titleAndBody, tooLarge } from "./draft";

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
    const declared = kind === "html" ? declaredHtmlDecoder(file.bytes) : null;
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
