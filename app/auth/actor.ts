// The person doing something, as domain code sees them: who (for the audit log, ownership and four-eyes)
// and what their role allows. A signed-in SessionUser is one; scripts and the demo seed load one with
// loadActor (./actor.server.ts). Where permissions are checked: docs/decisions/0016.
import { Refusal } from "~/utils/refusal";
import { type PermissionHolder, type PermissionString, userCan } from "./permissions";

export type Actor = PermissionHolder & { id: string };

/** A domain function was asked for a change its actor's role does not allow (routes check first, so only a script or a job meets it). */
export class NotPermitted extends Refusal<"notPermitted"> {
  constructor(readonly permission: PermissionString) {
    super("notPermitted", { status: 403, messageKey: "error.notPermitted", message: `not permitted: ${permission}` });
  }
}

/** Throws NotPermitted unless `actor` holds `permission`: the first line of a domain function that changes data. */
export function assertPermitted(actor: Actor, permission: PermissionString): void {
  if (!userCan(actor, permission)) throw new NotPermitted(permission);
}
