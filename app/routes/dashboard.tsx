import { useTranslation } from "react-i18next";
import { useLoaderData } from "react-router";
import { requireUserWithPermission } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Card, PageHeader } from "~/components/ui";
import { deskSummary } from "~/desk/dashboard.server";
import type { Route } from "./+types/dashboard";

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireUserWithPermission({ request, context }, "read:dashboard:any");
  return { name: user.name, role: user.role, summary: await deskSummary() };
}

export default function Dashboard() {
  const { t, i18n } = useTranslation();
  const numbers = new Intl.NumberFormat(i18n.language);
  const { name, role, summary } = useLoaderData<typeof loader>();
  const figures = [
    { key: "dashboard.articles", value: summary.articles },
    { key: "dashboard.claims", value: summary.claims },
    { key: "dashboard.openClaims", value: summary.openClaims },
    { key: "dashboard.published", value: summary.published },
  ];
  return (
    <>
      <PageHeader title={t("dashboard.welcome", { name })} documentTitle={t("nav.dashboard")} intro={t("dashboard.roleLine", { role: t(`role.${role}`) })} />
      <dl className="figures">
        {figures.map((figure) => (
          <div className="figures__item" key={figure.key}>
            <dt>{t(figure.key)}</dt>
            <dd>{numbers.format(figure.value)}</dd>
          </div>
        ))}
      </dl>
      {summary.articles === 0 ? (
        <Card>
          <p className="muted">{t("dashboard.emptyDesk")}</p>
        </Card>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
