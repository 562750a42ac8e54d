import path from "node:path";
import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";
import { isResourceRouteEmptyChunk, resourceRouteChunks } from "./scripts/build/resource-route-chunks";

const resourceChunks = resourceRouteChunks(path.resolve(import.meta.dirname, "app/routes"));

export default defineConfig({
  plugins: [reactRouter(), tsconfigPaths()],
  build: {
    sourcemap: false,
    rollupOptions: {
      // Every other warning is shown as usual.
      onwarn(warning, warn) {
        if (!isResourceRouteEmptyChunk(warning, resourceChunks)) warn(warning);
      },
    },
  },
  server: { port: Number(process.env.PORT ?? 3000) },
});
