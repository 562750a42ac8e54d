// Plain JavaScript, so that Node can start it as a worker without a loader: registers tsx's loader in
// this worker (with the project's tsconfig.json, for the `~/` paths) and then runs the worker's
// TypeScript entry. All three locations come from read.server.ts in `workerData`.
import { workerData } from "node:worker_threads";

const { register } = await import(workerData.tsxApi);
register({ tsconfig: workerData.tsconfig });
await import(workerData.entry);
