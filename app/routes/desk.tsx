// The signed-in desk: header, navigation and the page. Every page under it requires a session.
import { useTranslation } from "react-i18next";
import { Form, NavLink, Outlet, useLocation, useRouteLoaderData } from "react-router";
import { requireUser } from "~/auth/guards.server";
import { userCan } from "~/auth/permissions";
import { DisclosureMenu } from "~/components/disclosure-menu";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { LanguageSwitch } from "~/components/language-switch";
import { LiveIndicator, useLiveRevalidation } from "~/components/live";
import { topic } from "~/live/topics";
import { useRootData } from "~/components/root-data";
import { unreadCount } from "~/notifications/notifications.server";
import { waitingDecisionCount } from "~/review/decisions.server";
import type { Route } from "./+types/desk";

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireUser({ request, context });
  const [unreadNotifications, decisionsWaiting] = await Promise.all([unreadCount(user.id), waitingDecisionCount(user)]);
  return { unreadNotifications, decisionsWaiting };
}

/** Whether `pathname` is the page `to` or one below it. */
function isWithin(pathname: string, to: string) {
  return pathname === to || pathname.startsWith(`${to}/`);
}

/** A count on a navigation link: the number for the eye, a sentence for screen readers; nothing at zero. */
function NavCount({ count, label }: { count: number; label: string }) {
  if (count <= 0) return null;
  return (
    <>
      <span className="topbar__badge" aria-hidden="true">
        {count}
      </span>
      <span className="visually-hidden">{label}</span>
    </>
  );
}

function DeskShell({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  const root = useRootData();
  const user = root?.user;
  const location = useLocation();
  const deskData = useRouteLoaderData<typeof loader>("routes/desk");
  const unread = deskData?.unreadNotifications ?? 0;
  const decisions = deskData?.decisionsWaiting ?? 0;
  useLiveRevalidation(user ? [topic.myNotifications, ...(userCan(user, "approve:verdict:any") ? [topic.decisions] : [])] : []);
  // The less-used pages, in the menu beside the main navigation (which must keep to one line).
  const menuItems = [
    ...(userCan(user, "read:user:any") ? [{ to: "/admin/users", label: "nav.people" }] : []),
    ...(userCan(user, "update:settings:any") ? [{ to: "/admin/settings", label: "nav.settings" }] : []),
    ...(userCan(user, "update:scale:any") ? [{ to: "/admin/scale", label: "nav.scale" }] : []),
    ...(userCan(user, "update:settings:any") ? [{ to: "/admin/claim-reviews", label: "claimReviewFeeds.nav" }] : []),
    { to: "/account", label: "nav.account" },
  ];
  return (
    <div className="desk">
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <header className="topbar">
        <div className="topbar__brand">
          <NavLink to="/dashboard" className="topbar__logo">
            {t("app.name")}
          </NavLink>
          <span className="topbar__newsroom">{root?.newsroom.name}</span>
        </div>
        <nav aria-label={t("nav.main")} className="topbar__nav">
          <NavLink to="/dashboard" className="topbar__decisions" data-decisions={decisions}>
            {t("nav.dashboard")}
            <NavCount count={decisions} label={t("decisions.navCount", { count: decisions })} />
          </NavLink>
          {userCan(user, "read:article:own") ? <NavLink to="/articles" end={false}>{t("nav.articles")}</NavLink> : null}
          {userCan(user, "propose:verdict:own") ? <NavLink to="/queue">{t("nav.queue")}</NavLink> : null}
          {userCan(user, "assign:claim:any") ? <NavLink to="/workload">{t("nav.workload")}</NavLink> : null}
          <NavLink to="/fact-checks">{t("nav.factChecks")}</NavLink>
          <NavLink to="/notifications" className="topbar__notifications" data-unread={unread}>
            {t("notifications.nav")}
            <NavCount count={unread} label={t("notifications.unreadCount", { count: unread })} />
          </NavLink>
        </nav>
        <div className="topbar__tools">
          <LiveIndicator />
          <DisclosureMenu
            className="topbar__menu"
            current={menuItems.some((item) => isWithin(location.pathname, item.to))}
            summary={
              <>
                <span className="topbar__menu-name">{user?.name ?? t("layout.menuAccount")}</span>
                <span className="visually-hidden">, {t("layout.menu")}</span>
              </>
            }
          >
            <div className="topbar__menu-panel">
              <nav aria-label={t(menuItems.length > 1 ? "layout.menuAdmin" : "layout.menuAccount")}>
                <ul className="topbar__menu-list">
                  {menuItems.map((item) => (
                    <li key={item.to}>
                      <NavLink to={item.to}>{t(item.label)}</NavLink>
                    </li>
                  ))}
                </ul>
              </nav>
              <LanguageSwitch redirectTo={location.pathname + location.search} />
              {user ? (
                <Form method="post" action="/logout">
                  <button type="submit" className="btn btn--ghost">
                    {t("nav.signOut")}
                  </button>
                </Form>
              ) : null}
            </div>
          </DisclosureMenu>
        </div>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}

export default function Desk() {
  return (
    <DeskShell>
      <Outlet />
    </DeskShell>
  );
}

export function ErrorBoundary() {
  return (
    <DeskShell>
      <GeneralErrorBoundary />
    </DeskShell>
  );
}
