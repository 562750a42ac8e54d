// The signed-in desk: header, navigation and the page. Every page under it requires a session.
import { useTranslation } from "react-i18next";
import { Form, NavLink, Outlet, useLocation, useRouteLoaderData } from "react-router";
import { requireUser } from "~/auth/guards.server";
import { userCan } from "~/auth/permissions";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { LanguageSwitch } from "~/components/language-switch";
import { LiveIndicator, useLiveRevalidation } from "~/components/live";
import { useRootData } from "~/components/root-data";
import { unreadCount } from "~/notifications/notifications.server";
import { decisionsTopic } from "~/review/decisions";
import { waitingDecisionCount } from "~/review/decisions.server";
import type { Route } from "./+types/desk";

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireUser({ request, context });
  const [unreadNotifications, decisionsWaiting] = await Promise.all([unreadCount(user.id), waitingDecisionCount(user)]);
  return { unreadNotifications, decisionsWaiting };
}

function DeskShell({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  const root = useRootData();
  const user = root?.user;
  const location = useLocation();
  const deskData = useRouteLoaderData<typeof loader>("routes/desk");
  const unread = deskData?.unreadNotifications ?? 0;
  const decisions = deskData?.decisionsWaiting ?? 0;
  useLiveRevalidation(user ? ["notifications:me", ...(userCan(user, "approve:verdict:any") ? [decisionsTopic] : [])] : []);
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
            {decisions > 0 ? (
              <>
                <span className="topbar__badge" aria-hidden="true">
                  {decisions}
                </span>
                <span className="visually-hidden">{t("decisions.navCount", { count: decisions })}</span>
              </>
            ) : null}
          </NavLink>
          {userCan(user, "read:article:own") ? <NavLink to="/articles" end={false}>{t("nav.articles")}</NavLink> : null}
          {userCan(user, "propose:verdict:own") ? <NavLink to="/queue">{t("nav.queue")}</NavLink> : null}
          {userCan(user, "assign:claim:any") ? <NavLink to="/workload">{t("nav.workload")}</NavLink> : null}
          <NavLink to="/fact-checks">{t("nav.factChecks")}</NavLink>
          {userCan(user, "read:user:any") ? <NavLink to="/admin/users">{t("nav.people")}</NavLink> : null}
          {userCan(user, "update:settings:any") ? <NavLink to="/admin/settings">{t("nav.settings")}</NavLink> : null}
          {userCan(user, "update:scale:any") ? <NavLink to="/admin/scale">{t("nav.scale")}</NavLink> : null}
          <NavLink to="/account">{t("nav.account")}</NavLink>
          <NavLink to="/notifications" className="topbar__notifications" data-unread={unread}>
            {t("notifications.nav")}
            {unread > 0 ? (
              <>
                <span className="topbar__badge" aria-hidden="true">
                  {unread}
                </span>
                <span className="visually-hidden">{t("notifications.unreadCount", { count: unread })}</span>
              </>
            ) : null}
          </NavLink>
        </nav>
        <div className="topbar__tools">
          <LiveIndicator />
          <LanguageSwitch redirectTo={location.pathname + location.search} />
          {user ? (
            <Form method="post" action="/logout">
              <button type="submit" className="btn btn--ghost">
                {t("nav.signOut")}
              </button>
            </Form>
          ) : null}
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
