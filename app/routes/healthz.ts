import { checkDatabase } from "~/db/health.server";

// Liveness and readiness for load balancers: 200 with the database up, 503 while it is unreachable.
export async function loader() {
  const database = await checkDatabase();
  return Response.json(
    { status: database.up ? "ok" : "unavailable", database },
    { status: database.up ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
