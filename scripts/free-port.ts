// A TCP port free on 127.0.0.1 right now (the OS picks it; the caller's server binds it a moment later).
// Used where the port must be known before the server starts: APP_URL names it (the benchmark, the tests).
import { createServer } from "node:net";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
