import type { Config } from "@react-router/dev/config";

export default {
  // Server-side rendering for every page: pages render in the reader's language before any script runs.
  ssr: true,
  // React Router 8's behaviour, each checked against this app (and tests/integration/build-config.test.ts
  // fails when the installed React Router announces a flag that is not decided here).
  future: {
    // The load context is a RouterContextProvider (app/server/request-context.ts); no route middleware yet.
    v8_middleware: true,
    // Only clientLoader/clientAction/HydrateFallback are split out, and no route has any: nothing changes.
    v8_splitRouteModules: true,
    // vite.config.ts has no per-build (isSsrBuild) options to move into environments.
    v8_viteEnvironmentApi: true,
    // Only data requests of URLs with a trailing slash change (`/a/_.data`); nothing here matches `.data`.
    v8_trailingSlashAwareDataRequests: true,
    // Not yet: with it, a data request's request.url keeps its `.data` suffix and `?_routes`, and the sign-in
    // redirect (app/auth/guards.server.ts) would send people back to that raw data URL. Adopting it means
    // passing the loaders' `url` argument to the guards.
    v8_passThroughRequests: false,
  },
} satisfies Config;
