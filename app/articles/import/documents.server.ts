// Uploaded files and fetched pages are untrusted documents: each is read in a document worker with time
// and memory limits (~/fetching/untrusted-document), never on the request thread. The tasks below name
// what the worker calls; the reader's refusals come back as ImportErrors.
import {
  DocumentRefusal,
  type DocumentTask,
  DocumentTaskError,
  documentTask,
  readerLimits,
  readUntrustedDocument,
} from "~/fetching/untrusted-document/read.server";
import type { extractArticle } from "../extract.server";
import { ImportError } from "../text";
import type { markdownDraftParts } from "./markdown.server";
import type { docxDraftParts } from "./word.server";

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
export const documentTasks = {
  /** A news page (URL import, uploaded .html): the article and its details. */
  articlePage: documentTask<typeof extractArticle>("app/articles/extract.server.ts", "extractArticle"),
  /** An uploaded Markdown file: its first heading and its paragraphs. */
  markdown: documentTask<typeof markdownDraftParts>("app/articles/import/markdown.server.ts", "markdownDraftParts"),
  /** An uploaded Word document: its first heading and its paragraphs (ZIP checked, then mammoth). */
  docx: documentTask<typeof docxDraftParts>("app/articles/import/word.server.ts", "docxDraftParts"),
};

/** Reads an uploaded or fetched document in a worker; its refusals and ImportErrors come back as ImportErrors. */
export async function readDocument<F extends (...args: never[]) => unknown>(task: DocumentTask<F>, ...args: Parameters<F>): Promise<Awaited<ReturnType<F>>> {
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
