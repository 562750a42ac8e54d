// The article text with claims and suggestions highlighted at their spans. The text can be selected
// with the mouse or the keyboard (it is a read-only editable region, so Shift+arrows work), and the
// selection becomes a claim at exactly those character offsets.
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { highlightPieces, paragraphSpans, type Span } from "~/claims/spans";

export type TextMark = Span & { id: string; kind: "claim" | "suggestion"; active?: boolean };

/** The character offset in the article text of a point in the rendered text, or null outside it. */
function offsetOf(container: HTMLElement, node: Node, offset: number): number | null {
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  const paragraph = element?.closest<HTMLElement>("[data-start]");
  if (!paragraph || !container.contains(paragraph)) return null;
  const range = document.createRange();
  range.setStart(paragraph, 0);
  range.setEnd(node, offset);
  return Number(paragraph.dataset.start) + range.toString().length;
}

function selectionIn(container: HTMLElement): Span | null {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const start = offsetOf(container, range.startContainer, range.startOffset);
  const end = offsetOf(container, range.endContainer, range.endOffset);
  if (start === null || end === null || start === end) return null;
  return { start: Math.min(start, end), end: Math.max(start, end) };
}

export function ArticleText({ body, marks, canCreate }: { body: string; marks: TextMark[]; canCreate: boolean }) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState<Span | null>(null);

  // The last selection made inside the text stays chosen while the editor moves to the button.
  useEffect(() => {
    const onChange = () => {
      const span = container.current ? selectionIn(container.current) : null;
      if (span) setSelected(span);
    };
    document.addEventListener("selectionchange", onChange);
    return () => document.removeEventListener("selectionchange", onChange);
  }, []);

  const preview = selected ? body.slice(selected.start, selected.end).replace(/\s+/g, " ").trim() : "";
  return (
    <section className="article-text" aria-labelledby="article-text-title">
      <h2 id="article-text-title" className="visually-hidden">
        {t("workspace.text")}
      </h2>
      {canCreate ? <p className="muted small">{t("workspace.textHelp")}</p> : null}
      <div
        ref={container}
        className="article-text__body"
        contentEditable={canCreate}
        suppressContentEditableWarning
        inputMode="none"
        spellCheck={false}
        role={canCreate ? "textbox" : undefined}
        aria-readonly={canCreate ? true : undefined}
        aria-multiline={canCreate ? true : undefined}
        aria-label={t("workspace.text")}
        onBeforeInput={(event) => event.preventDefault()}
        onPaste={(event) => event.preventDefault()}
        onCut={(event) => event.preventDefault()}
        onDrop={(event) => event.preventDefault()}
        onKeyDown={(event) => {
          if (event.key === "Enter" || event.key === "Backspace" || event.key === "Delete") event.preventDefault();
        }}
      >
        {paragraphSpans(body).map((paragraph) => (
          <p key={paragraph.start} data-start={paragraph.start}>
            {highlightPieces(paragraph, marks).map((piece) => {
              const content = body.slice(piece.start, piece.end);
              if (piece.marks.length === 0) return content;
              const claim = piece.marks.find((m) => m.kind === "claim");
              const active = piece.marks.some((m) => m.active);
              const className = ["mark", claim ? "mark--claim" : "mark--suggestion", active ? "mark--active" : ""].join(" ").trim();
              return (
                <mark key={piece.start} className={className} data-claim-id={claim?.id}>
                  {content}
                </mark>
              );
            })}
          </p>
        ))}
      </div>
      {canCreate ? (
        <Form method="post" className="selection-bar">
          <input type="hidden" name="intent" value="createClaim" />
          <input type="hidden" name="start" value={selected?.start ?? ""} />
          <input type="hidden" name="end" value={selected?.end ?? ""} />
          <p className="selection-bar__preview" aria-live="polite">
            {selected ? t("workspace.selectionPreview", { text: preview.length > 140 ? `${preview.slice(0, 140)}…` : preview }) : t("workspace.selectionEmpty")}
          </p>
          <button type="submit" className="btn btn--primary" disabled={!selected}>
            {t("workspace.createFromSelection")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
