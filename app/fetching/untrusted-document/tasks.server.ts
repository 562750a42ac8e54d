// What a document worker can be asked to do: each task reads one untrusted document with the domain's own
// code. Runs INSIDE the worker (worker.ts); the request thread calls readUntrustedDocument (read.server.ts),
// whose types come from here. Every HTML parse on these paths checks the document's shape first
// (checkDocumentShape, in extract.server.ts's asDocument), so a refusal is a DocumentRefusal.
import type { ExtractedArticle } from "~/articles/extract.server";
import type { SnapshotContent } from "~/sources/snapshot-content.server";

type Paragraphs = { heading: string | null; paragraphs: string[] };

export type DocumentTasks = {
  /** A news page (URL import, uploaded .html): the article and its details (extractArticle). */
  "article-page": { input: { html: string; pageUrl: string | null }; output: ExtractedArticle };
  /** An uploaded Markdown file: its first heading and its paragraphs. */
  markdown: { input: { text: string }; output: Paragraphs };
  /** An uploaded Word document: its first heading and its paragraphs (ZIP checked, then mammoth). */
  docx: { input: { bytes: Uint8Array }; output: Paragraphs };
  /** A page archived as a source: its text and sanitised HTML (snapshotPageContent). */
  "snapshot-page": { input: { html: string; pageUrl: string }; output: SnapshotContent };
};

export type DocumentTask = keyof DocumentTasks;

/** Runs a task (the modules are loaded on first use: a worker runs one task). */
export async function runDocumentTask<T extends DocumentTask>(task: T, input: DocumentTasks[T]["input"]): Promise<DocumentTasks[T]["output"]> {
  const run = async (): Promise<unknown> => {
    switch (task) {
      case "article-page": {
        const { html, pageUrl } = input as DocumentTasks["article-page"]["input"];
        return (await import("~/articles/extract.server")).extractArticle(html, pageUrl);
      }
      case "markdown":
        return (await import("~/articles/import-source.server")).markdownDraftParts((input as DocumentTasks["markdown"]["input"]).text);
      case "docx":
        return (await import("~/articles/import-source.server")).docxDraftParts((input as DocumentTasks["docx"]["input"]).bytes);
      case "snapshot-page": {
        const { html, pageUrl } = input as DocumentTasks["snapshot-page"]["input"];
        return (await import("~/sources/snapshot-content.server")).snapshotPageContent(html, pageUrl);
      }
      default:
        throw new Error(`unknown document task ${String(task)}`);
    }
  };
  return (await run()) as DocumentTasks[T]["output"];
}
