// An uploaded Markdown file: its front matter's title or first heading, and its paragraphs (raw HTML
// inside it read as HTML, images and link targets dropped). Runs in a document worker (documents.server.ts).
import type { Nodes, Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { htmlFragmentParagraphs } from "../extract.server";
import { articleParagraphs, collapseWhitespace, isRelatedLinkLine } from "../text";

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
