// `npm run build`: the production build (react-router build), stamped with the hash of its sources so that
// `npm start` can tell whether build/ is current (scripts/build/build-stamp.ts).
import path from "node:path";
import { ensureBuild } from "./build/build-stamp";
import { reactRouterBuild } from "./build/react-router-build";

const root = path.resolve(import.meta.dirname, "..");
try {
  await ensureBuild({ root, force: true, build: () => reactRouterBuild(root) });
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
