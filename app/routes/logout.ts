import { redirect } from "react-router";
import { clearedSessionCookie, getSessionUser, invalidateSession } from "~/auth/session.server";
import type { Route } from "./+types/logout";

// Signing out is a POST (a link that signs you out could be triggered by any page).
export async function action({ request, context }: Route.ActionArgs) {
  const user = await getSessionUser({ request, context });
  if (user) await invalidateSession(user.sessionId);
  return redirect("/login", { headers: { "Set-Cookie": clearedSessionCookie() } });
}

export async function loader() {
  throw redirect("/login");
}
