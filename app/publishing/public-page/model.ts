// What the public page is rendered from, and its dates on the newsroom's clock.
import type { TFunction } from "i18next";
import { newsroomClock } from "~/newsroom/clock";
import type { PublishedContent } from "../content";

export type PageNewsroom = { name: string; url: string | null; logoUrl: string | null; creditReviewers: boolean; timeZone: string };

export type FactCheckPageModel = {
  language: "en" | "id";
  t: TFunction;
  newsroom: PageNewsroom;
  /** Absolute URL of the current version: the canonical link of every version. */
  canonicalUrl: string;
  slug: string;
  version: {
    version: number;
    headline: string;
    summary: string;
    methodology: string;
    publishedAt: Date;
    content: PublishedContent;
  };
  currentVersion: number;
  firstPublishedAt: Date;
  lastPublishedAt: Date;
  corrections: { version: number; publishedAt: Date; note: string }[];
  /** Sanitised HTML of each rated claim's rationale, by claimId. */
  rationaleHtml: Map<string, string>;
  /** JSON-LD (already safe inside a script element) — only on the current version. */
  jsonLd: string | null;
  /**
   * An editor's preview of a publication or correction: a banner above the page (in the editor's language)
   * and `noindex`; everything else is the page exactly as it will be published.
   */
  preview?: { language: "en" | "id"; title: string; text: string };
};

export type RenderedPage = { html: string; contentSecurityPolicy: string };

export type Formatters = { day: (value: Date | string) => string; moment: (value: Date | string) => string };

export type ShellModel = { language: "en" | "id"; t: TFunction; newsroom: PageNewsroom };

/**
 * Dates in the page's language on the newsroom's clock (app/newsroom/clock.ts). Calendar dates (a claim's,
 * an article's) are stored as UTC midnight and shown as such; moments (publication, corrections, archive
 * copies) in the newsroom's time zone, named.
 */
export function formatters(language: "en" | "id", timeZone: string): Formatters {
  const clock = newsroomClock(timeZone, language);
  return { day: clock.calendarDate, moment: clock.longDateTime };
}
