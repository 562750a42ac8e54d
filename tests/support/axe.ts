// Accessibility checks in the browser with axe-core: the WCAG 2.0/2.1 level A and AA rules, keeping only
// the violations axe rates serious or critical.
//
// The app sends a strict nonce-based Content-Security-Policy, so axe cannot be added as an inline <script>;
// it is evaluated through the DevTools protocol instead (page.evaluate), which the page's policy does not
// govern.
//
// With JavaScript disabled (a context made with `javaScriptEnabled: false`), page.evaluate still runs code,
// but the page's event loop never runs promise callbacks or timers, so axe.run would never finish. For such
// a page the helper checks a copy instead: the page's DOM as rendered without JavaScript (its <noscript>
// content in place, its scripts removed), served at the same address to a fresh JavaScript-enabled context
// of the same browser with the same viewport, colour scheme and cookies, so its stylesheets load as they
// did. That copy is served without the page's Content-Security-Policy.
import axe from "axe-core";
import type { Browser, Page } from "playwright-core";

export type AxeViolation = axe.Result;

/** WCAG 2.0 and 2.1, levels A and AA. */
export const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

const seriousImpacts = new Set<axe.ImpactValue | undefined>(["serious", "critical"]);

/**
 * Runs axe-core on the page as it is now and returns the WCAG A/AA violations rated serious or critical.
 * `exclude` lists CSS selectors of parts of the page to leave out. The contents of frames are not checked
 * (the frame elements themselves are).
 */
export async function seriousViolations(page: Page, options: { exclude?: string[] } = {}): Promise<AxeViolation[]> {
  if (await scriptingDisabled(page)) return checkCopyWithScripting(page, options);
  // Once per document (a navigation loses it). `run` is checked, since an element with id="axe" is window.axe too.
  if (!(await page.evaluate(() => typeof (window as { axe?: { run?: unknown } }).axe?.run === "function"))) await page.evaluate(axe.source);
  const results = await page.evaluate(
    ({ exclude, tags }) => {
      const context = exclude.length > 0 ? { exclude } : document;
      return (window as unknown as { axe: typeof axe }).axe.run(context, {
        runOnly: { type: "tag", values: tags },
        resultTypes: ["violations"],
        iframes: false,
      });
    },
    { exclude: options.exclude ?? [], tags: wcagTags },
  );
  return results.violations.filter((violation) => seriousImpacts.has(violation.impact));
}

/** One paragraph per violation, for an assertion message: rule, impact, help, and where (selector and HTML). */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes.map((node) => {
        const html = node.html.replace(/\s+/g, " ").trim();
        return `    ${node.target.map(String).join(" ")}\n      ${html.length > 160 ? `${html.slice(0, 160)}…` : html}`;
      });
      return `${violation.id} (${violation.impact}): ${violation.help}\n  ${violation.helpUrl}\n${nodes.join("\n")}`;
    })
    .join("\n\n");
}

/**
 * True when the page's scripting is off. A document without scripting parses <noscript> content as elements,
 * one with scripting as text, and innerHTML follows the document's setting.
 */
function scriptingDisabled(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const probe = document.createElement("div");
    probe.innerHTML = "<noscript><p></p></noscript>";
    return probe.querySelector("noscript p") !== null;
  });
}

async function checkCopyWithScripting(page: Page, options: { exclude?: string[] }): Promise<AxeViolation[]> {
  const browser: Browser | null = page.context().browser();
  if (!browser) throw new Error("seriousViolations: this page has JavaScript disabled and its context has no browser to open a JavaScript-enabled copy in");
  const { html, darkScheme } = await page.evaluate(() => {
    const copy = document.documentElement.cloneNode(true) as HTMLElement;
    for (const script of copy.querySelectorAll("script, link[rel=modulepreload]")) script.remove();
    for (const noscript of copy.querySelectorAll("noscript")) noscript.replaceWith(...noscript.childNodes);
    return { html: `${document.doctype ? "<!DOCTYPE html>" : ""}${copy.outerHTML}`, darkScheme: matchMedia("(prefers-color-scheme: dark)").matches };
  });
  const address = page.url().replace(/#.*$/, "");
  const context = await browser.newContext({ viewport: page.viewportSize(), colorScheme: darkScheme ? "dark" : "light" });
  try {
    await context.addCookies(await page.context().cookies());
    const copy = await context.newPage();
    await copy.route(
      (url) => url.href.replace(/#.*$/, "") === address,
      (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }),
    );
    await copy.goto(address);
    return await seriousViolations(copy, options);
  } finally {
    await context.close();
  }
}
