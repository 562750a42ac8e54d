import type { Config } from "@react-router/dev/config";

export default {
  // Server-side rendering for every page: pages render in the reader's language before any script runs.
  ssr: true,
} satisfies Config;
