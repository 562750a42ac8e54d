import { type RouteConfig, index, layout, route } from "@react-router/dev/routes";

// Every route here must also appear in tests/e2e/route-matrix.test.ts (the route × role matrix).
export default [
  index("routes/home.ts"),
  route("login", "routes/login.tsx"),
  route("logout", "routes/logout.ts"),
  route("setup", "routes/setup.tsx"),
  route("invite/:token", "routes/invite.tsx"),
  route("language", "routes/language.ts"),
  route("healthz", "routes/healthz.ts"),
  route("events", "routes/events.ts"),
  layout("routes/desk.tsx", [
    route("dashboard", "routes/dashboard.tsx"),
    route("articles", "routes/articles.tsx"),
    route("articles/new", "routes/articles.new.tsx"),
    route("articles/:articleId", "routes/articles.$articleId.tsx"),
    route("articles/:articleId/board", "routes/articles.$articleId.board.tsx"),
    route("claims/:claimId", "routes/claims.$claimId.tsx"),
    route("claims/:claimId/comments", "routes/claims.$claimId.comments.ts"),
    route("claims/:claimId/verdicts", "routes/claims.$claimId.verdicts.ts"),
    route("claims/:claimId/sources", "routes/claims.$claimId.sources.ts"),
    route("snapshots/:snapshotId", "routes/snapshots.$snapshotId.tsx"),
    route("snapshots/:snapshotId/raw", "routes/snapshots.$snapshotId.raw.ts"),
    route("queue", "routes/queue.tsx"),
    route("workload", "routes/workload.tsx"),
    route("account", "routes/account.tsx"),
    route("notifications", "routes/notifications.tsx"),
    route("admin/users", "routes/admin.users.tsx"),
    route("admin/settings", "routes/admin.settings.tsx"),
    route("admin/scale", "routes/admin.scale.tsx"),
  ]),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
