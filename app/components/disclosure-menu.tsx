// A menu that opens below its button: a <details> disclosure, so it opens and closes (mouse, Enter, Space)
// and its links and forms work before and without JavaScript. With JavaScript it also closes the way
// menus do: on Escape (focus back on its button), on a click or focus outside it, and after following one
// of its items.
import { useEffect, useRef, type ReactNode } from "react";
import { useLocation } from "react-router";

export function DisclosureMenu({
  className,
  summary,
  current,
  children,
}: {
  className: string;
  summary: ReactNode;
  current: boolean;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  const location = useLocation();
  const shownLocation = useRef(location.key);

  // A new page (an item followed, a form's redirect) starts with the menu closed, as it does without JavaScript.
  useEffect(() => {
    if (shownLocation.current === location.key) return;
    shownLocation.current = location.key;
    if (ref.current) ref.current.open = false;
  }, [location.key]);

  useEffect(() => {
    const details = ref.current;
    if (!details) return;
    const close = () => {
      details.open = false;
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || !details.open) return;
      const focusWasInside = details.contains(document.activeElement);
      close();
      if (focusWasInside) details.querySelector("summary")?.focus();
    };
    const onPointerDown = (event: PointerEvent) => {
      if (details.open && event.target instanceof Node && !details.contains(event.target)) close();
    };
    const onFocusOut = (event: FocusEvent) => {
      if (details.open && event.relatedTarget instanceof Node && !details.contains(event.relatedTarget)) close();
    };
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("pointerdown", onPointerDown);
    details.addEventListener("focusout", onFocusOut);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("pointerdown", onPointerDown);
      details.removeEventListener("focusout", onFocusOut);
    };
  }, []);

  return (
    <details ref={ref} className={className}>
      <summary aria-current={current ? "true" : undefined}>{summary}</summary>
      {children}
    </details>
  );
}
