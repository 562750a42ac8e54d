// A TCP proxy in front of the test PostgreSQL that can stall: while stalled it accepts connections and
// bytes but forwards nothing either way, as a network partition or a frozen server would look to the app.
import net from "node:net";

export type StallingProxy = {
  /** A DATABASE_URL for `databaseUrl`'s database, through the proxy. */
  url: string;
  stall(): void;
  resume(): void;
  close(): Promise<void>;
};

export async function startStallingProxy(databaseUrl: string): Promise<StallingProxy> {
  const target = new URL(databaseUrl);
  const targetPort = Number(target.port || 5432);
  let stalled = false;
  const waiting: Array<() => void> = [];
  const sockets = new Set<net.Socket>();

  /** Forwards `from` to `to`, holding every chunk back while the proxy is stalled. */
  const forward = (from: net.Socket, to: net.Socket) => {
    from.on("data", (chunk) => {
      const send = () => {
        if (!to.destroyed) to.write(chunk);
      };
      if (!stalled) return send();
      from.pause();
      waiting.push(() => {
        send();
        from.resume();
      });
    });
    from.on("close", () => to.destroy());
    from.on("error", () => to.destroy());
  };

  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, target.hostname);
    sockets.add(client).add(upstream);
    client.on("close", () => sockets.delete(client));
    upstream.on("close", () => sockets.delete(upstream));
    forward(client, upstream);
    forward(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);

  return {
    url: url.toString(),
    stall: () => {
      stalled = true;
    },
    resume: () => {
      stalled = false;
      for (const release of waiting.splice(0)) release();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
