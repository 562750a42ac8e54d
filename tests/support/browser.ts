// Debian's Chromium driven by playwright-core (Playwright's own browser download does not work here).
// Playwright starts it headless with a fresh temporary profile each launch.
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * The time zone of every browser the end-to-end tests drive, unless a context sets its own `timezoneId`:
 * never the server's (the app under test runs in UTC, see app-server.ts), which would hide any date
 * formatted in the server's or the browser's zone instead of the newsroom's.
 */
export const browserTimeZone = "Asia/Jakarta";

export function launchBrowser() {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    env: { ...process.env, TZ: browserTimeZone },
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Opens a page and waits until React has hydrated it (typing earlier could race the hydration). */
export async function gotoHydrated(page: Page, url: string) {
  await page.goto(url);
  await page.waitForSelector("html[data-hydrated]");
}

/** Signs in through the login form (English interface) and waits for the dashboard. */
export async function signInBrowser(page: Page, email: string, password: string) {
  await gotoHydrated(page, "/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/dashboard");
}

/** A page of its own (a new browser context: English, on `baseURL`) signed in as `email`. */
export async function signedInPage(browser: Browser, baseURL: string, email: string, password: string): Promise<Page> {
  const context = await browser.newContext({ locale: "en-US", baseURL });
  const page = await context.newPage();
  await signInBrowser(page, email, password);
  return page;
}

/**
 * For a test file that walks the desk as several people: Chromium launched before its tests and closed after
 * them, and `deskFor(email)`, a page signed in as that account (with `password`) on the app under test.
 */
export function deskBrowser(password: string): (email: string) => Promise<Page> {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return (email) => signedInPage(browser!, inject("appUrl"), email, password);
}
