// Permissions are data: `action:entity:access` rows linked to roles (created by a migration).
// This plain module only answers "may this user do that?"; the server asks it through
// requireUserWithPermission, the UI through userCan to hide what a user may not do.

export const roles = ["admin", "editor", "reviewer"] as const;
export type RoleName = (typeof roles)[number];

/** Every permission the code asks for. Each must exist as a row (tested against the migrations). */
export const permissions = [
  "read:dashboard:any",
  "read:user:any",
  "create:invite:any",
  "update:user:any",
  "update:settings:any",
  "update:scale:any",
  "read:article:any",
  "read:article:own",
  "create:article:any",
  "update:claim:any",
  "update:claim:own",
  "assign:claim:any",
  "propose:verdict:own",
  "approve:verdict:any",
  "publish:factcheck:any",
  "read:audit:any",
] as const;
export type PermissionString = (typeof permissions)[number];

export type PermissionHolder = { permissions: readonly string[] };

/** True when the user holds the permission; holding `…:any` also grants `…:own`. */
export function userCan(user: PermissionHolder | null | undefined, permission: PermissionString): boolean {
  if (!user) return false;
  if (user.permissions.includes(permission)) return true;
  const [action, entity, access] = permission.split(":");
  return access === "own" && user.permissions.includes(`${action}:${entity}:any`);
}
