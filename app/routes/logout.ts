import { redirect } from "react-router";
import { clearedSessionCookie, getSessionUser, invalidateSession } from "~/auth/session.server";
import type { Route } from "./+types/logout";

// Signing out is a POST (a link that signs you out could be triggered by any page).
export async function action({ request }: Route.ActionArgs) {
  const user = await getSessionUser(request);
  if (user) await invalidateSession(user.sessionId);
  return redirect("/login", { headers: { "Set-Cookie": clearedSessionCookie() } });
}

export async function loader() {
  throw redirect("/login");
}
