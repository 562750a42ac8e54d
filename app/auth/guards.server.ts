// The one way loaders and actions check who may do what. Every route calls one of these first.
import { data, redirect } from "react-router";
import { type PermissionString, userCan } from "./permissions";
import { getSessionUser, type RequestScope, type SessionUser } from "./session.server";

function loginRedirect(request: Request) {
  const url = new URL(request.url);
  const target = url.pathname + url.search;
  const search = target === "/" || target.startsWith("/logout") ? "" : `?${new URLSearchParams({ redirectTo: target })}`;
  return redirect(`/login${search}`);
}

/** The signed-in user, or a redirect to /login that comes back here afterwards. */
export async function requireUser(scope: RequestScope): Promise<SessionUser> {
  const user = await getSessionUser(scope);
  if (!user) throw loginRedirect(scope.request);
  return user;
}

/** The signed-in user holding `permission`; anonymous visitors go to /login, others get a 403 page. */
export async function requireUserWithPermission(scope: RequestScope, permission: PermissionString) {
  const user = await requireUser(scope);
  if (!userCan(user, permission)) {
    throw data({ permission }, { status: 403, statusText: "Forbidden" });
  }
  return user;
}

/** For pages only anonymous visitors need (login, invitation): signed-in users go to the dashboard. */
export async function requireAnonymous(scope: RequestScope) {
  if (await getSessionUser(scope)) throw redirect("/dashboard");
}
