// The signed-in desk: header, navigation and the page. Every page under it requires a session.
import { useTranslation } from "react-i18next";
import { Form, NavLink, Outlet, useLocation } from "react-router";
import { requireUser } from "~/auth/guards.server";
import { userCan } from "~/auth/permissions";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { LanguageSwitch } from "~/components/language-switch";
import { useRootData } from "~/components/root-data";
import type { Route } from "./+types/desk";

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireUser({ request, context });
  return null;
}

function DeskShell({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  const root = useRootData();
  const user = root?.user;
  const location = useLocation();
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
          <NavLink to="/dashboard">{t("nav.dashboard")}</NavLink>
          {userCan(user, "read:article:own") ? <NavLink to="/articles" end={false}>{t("nav.articles")}</NavLink> : null}
          {userCan(user, "propose:verdict:own") ? <NavLink to="/queue">{t("nav.queue")}</NavLink> : null}
          {userCan(user, "assign:claim:any") ? <NavLink to="/workload">{t("nav.workload")}</NavLink> : null}
          {userCan(user, "read:user:any") ? <NavLink to="/admin/users">{t("nav.people")}</NavLink> : null}
          {userCan(user, "update:settings:any") ? <NavLink to="/admin/settings">{t("nav.settings")}</NavLink> : null}
          <NavLink to="/account">{t("nav.account")}</NavLink>
        </nav>
        <div className="topbar__tools">
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
