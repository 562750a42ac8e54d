// Server-sent events: `GET /events?topics=claim:ID,article:ID,queue:me,notifications:me,desk` (app/live/topics.ts)
// streams `data: {"kind","topics"}` for every change to a watched topic (topics as the page named them), with
// a heartbeat comment every 15 s so proxies keep the connection open. Pages reload their data on each event
// (app/components/live.tsx); the stream itself carries no content.
import { data } from "react-router";
import { requireUser } from "~/auth/guards.server";
import { type LiveChange, liveReady, subscribe } from "~/live/bus.server";
import { everyTopic } from "~/live/topics";
import { mayWatch, parseTopics } from "~/live/topics.server";
import type { Route } from "./+types/events";

export const heartbeatMs = 15_000;

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireUser({ request, context });
  const topics = parseTopics(new URL(request.url).searchParams.get("topics"), user.id);
  if (!topics) throw data({ error: "topics" }, { status: 400 });
  if (!(await mayWatch(user, topics))) throw data({ error: "forbidden" }, { status: 403 });
  // Answer only once this instance hears the other instances, so a page that sees the stream open misses
  // nothing published afterwards.
  await liveReady(3_000);

  const requestedBy = new Map<string, string>(topics.map((t) => [t.topic, t.requested]));
  const encoder = new TextEncoder();
  let stop = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const send = (text: string) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      const unsubscribe = subscribe([...requestedBy.keys()], (change: LiveChange) => {
        const named = change.topics.includes(everyTopic)
          ? [...requestedBy.values()]
          : change.topics.flatMap((topic) => requestedBy.get(topic) ?? []);
        send(`data: ${JSON.stringify({ kind: change.kind, topics: named })}\n\n`);
      });
      const heartbeat = setInterval(() => send(": heartbeat\n\n"), heartbeatMs);
      stop = () => {
        if (!open) return;
        open = false;
        clearInterval(heartbeat);
        unsubscribe();
        request.signal.removeEventListener("abort", stop);
        try {
          controller.close();
        } catch {
          // already closed or cancelled
        }
      };
      request.signal.addEventListener("abort", stop);
      if (request.signal.aborted) stop();
      // Reconnect after 3 s if the connection drops; the comment gets the headers and first bytes out at once.
      send("retry: 3000\n: connected\n\n");
    },
    cancel() {
      stop();
    },
  });

  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform: compression (and proxies) must pass events through as they come, not buffer them.
      "Cache-Control": "no-store, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}
