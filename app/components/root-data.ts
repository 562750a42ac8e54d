import { useRouteLoaderData } from "react-router";
import type { Language } from "~/i18n/i18n";

/** What the root loader knows on every page: language, newsroom, and the signed-in user (or null). */
export type RootData = {
  language: Language;
  newsroom: { name: string; logoUrl: string | null; timeZone: string };
  user: { id: string; name: string; email: string; role: string; permissions: string[] } | null;
};

/** The root loader's data (app/root.tsx), on any page. */
export function useRootData() {
  return useRouteLoaderData<RootData>("root");
}
