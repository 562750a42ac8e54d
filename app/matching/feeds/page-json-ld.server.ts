// The JSON-LD blocks of a page (`<script type="application/ld+json">`, as many as it has), cut out with the
// parser the document limits already use (htmlparser2's streaming tokenizer, after checkDocumentShape), never with
// a regular expression over HTML. Run in a document worker (~/fetching/untrusted-document, task `pageJsonLd` in
// run.server.ts): the page is untrusted, so its time and memory are limited like any other page's.
import { Parser } from "htmlparser2";
import { checkDocumentShape } from "~/fetching/untrusted-document/limits";

/** Text of the JSON-LD scripts a page may hold, in all: beyond this the rest is not read. */
const maxJsonLdChars = 20 * 1024 * 1024;

function isJsonLd(type: string | undefined): boolean {
  return (type ?? "").split(";")[0]!.trim().toLowerCase() === "application/ld+json";
}

/** The text of each `<script type="application/ld+json">` of `html`, in document order. */
export function pageJsonLdBlocks(html: string): string[] {
  checkDocumentShape(html);
  const blocks: string[] = [];
  let current: string[] | null = null;
  let total = 0;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === "script" && isJsonLd(attributes.type)) current = [];
      },
      ontext(data) {
        if (!current || total > maxJsonLdChars) return;
        total += data.length;
        current.push(data);
      },
      onclosetag(name) {
        if (name !== "script" || !current) return;
        blocks.push(current.join(""));
        current = null;
      },
    },
    { decodeEntities: false },
  );
  parser.end(html);
  return blocks;
}
