// The shape limits of an untrusted HTML document, checked BEFORE any DOM is built from it.
//
// Building a DOM and running Readability on it cost elements × nesting depth (a 1 MB page of 100,000
// nested <div>s kept a process busy for 10–40 s and overflowed the stack of recursive tree walks). This
// check is one linear pass of htmlparser2's streaming tokenizer (the parser linkedom builds its DOM with,
// so the depth counted here is the depth linkedom would build): it counts elements and open elements and
// stops at the first one over a limit. htmlparser2 handles what matters for a fair count: void elements
// (<br>, <img>, <input>) open and close at once; implied closes (<p> before <p> or <div>, <li> before
// <li>, <td>/<tr>, <option>) close what a browser closes; the content of <script>, <style>, <textarea>,
// <title> and comments is text, so a `<div>` inside them is no element. Stray end tags never take the
// depth below zero. Unclosed elements stay open, as they do in a browser: 200 unclosed <div>s are 200 deep.
import { Parser } from "htmlparser2";

export const documentLimits = {
  /**
   * Open elements inside one another. Real news pages are rarely more than 40 deep (0007); Readability's
   * and our tree walks cost grows with depth, and recursive walks overflow the stack on deep trees.
   */
  maxDepth: 128,
  /** Elements in the whole document: a long news page has a few thousand. */
  maxElements: 100_000,
} as const;

export type DocumentLimits = { maxDepth: number; maxElements: number };

/** Why an untrusted document was not read. */
export type DocumentRefusalCode =
  /** More than `maxDepth` elements inside one another. */
  | "too_deeply_nested"
  /** More than `maxElements` elements. */
  | "too_many_elements"
  /** Reading it took longer than the worker's time limit. */
  | "too_slow"
  /** Reading it needed more memory than the worker may use. */
  | "too_much_memory"
  /** The parser failed in a way the document caused (e.g. a stack overflow), or its worker died. */
  | "unreadable"
  /** Too many documents are waiting to be read in this process; try again later. */
  | "busy";

export class DocumentRefusal extends Error {
  readonly code: DocumentRefusalCode;
  /** The limit that was exceeded, for the message: `{ maxDepth: 128 }`, `{ seconds: 30 }`, … */
  readonly detail: Record<string, number>;

  constructor(code: DocumentRefusalCode, detail: Record<string, number> = {}, message?: string) {
    super(message ?? `document refused: ${code}`);
    this.name = "DocumentRefusal";
    this.code = code;
    this.detail = detail;
  }

  /** A deterministic refusal: reading the same document again would be refused again. */
  get permanent(): boolean {
    return this.code !== "busy";
  }
}

export type DocumentShape = { elements: number; depth: number };

/**
 * Counts the document's elements and its deepest nesting in one pass, without building a tree. Throws a
 * DocumentRefusal (`too_deeply_nested` or `too_many_elements`) at the first element over a limit.
 */
export function checkDocumentShape(html: string, limits: DocumentLimits = documentLimits): DocumentShape {
  let depth = 0;
  let deepest = 0;
  let elements = 0;
  const parser = new Parser(
    {
      onopentag() {
        elements += 1;
        depth += 1;
        if (depth > deepest) deepest = depth;
        if (depth > limits.maxDepth) throw new DocumentRefusal("too_deeply_nested", { maxDepth: limits.maxDepth });
        if (elements > limits.maxElements) throw new DocumentRefusal("too_many_elements", { maxElements: limits.maxElements });
      },
      onclosetag() {
        if (depth > 0) depth -= 1;
      },
    },
    // Entities and attribute values are not needed to count elements.
    { decodeEntities: false },
  );
  parser.end(html);
  return { elements, depth: deepest };
}
