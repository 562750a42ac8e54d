// Debian's Chromium driven by playwright-core (Playwright's own browser download does not work here).
// Playwright starts it headless with a fresh temporary profile each launch.
import { chromium, type Page } from "playwright-core";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function launchBrowser() {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
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
