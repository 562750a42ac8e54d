import { useRouteLoaderData } from "react-router";
import type { loader } from "~/root";

/** What the root loader knows on every page: language, newsroom, and the signed-in user (or null). */
export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}
