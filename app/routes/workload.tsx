import { useTranslation } from "react-i18next";
import { Link, useLoaderData } from "react-router";
import { requireUserWithPermission } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Card, DataTable, PageHeader } from "~/components/ui";
import { deskWorkload } from "~/review/assignments.server";
import type { Route } from "./+types/workload";

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireUserWithPermission({ request, context }, "assign:claim:any");
  return { people: await deskWorkload() };
}

export default function Workload() {
  const { t } = useTranslation();
  const { people } = useLoaderData<typeof loader>();
  const most = Math.max(1, ...people.map((p) => p.open));
  return (
    <>
      <PageHeader title={t("workload.title")} intro={t("workload.intro")} />
      <Card>
        <DataTable columns={[t("workload.person"), t("workload.open"), t("workload.overdue")]}>
          {people.map((person) => (
            <tr key={person.id}>
              <td>
                <Link to={`/workload/${person.id}`}>{person.name}</Link>
                {person.assignable ? null : <span className="muted small"> · {t("workload.notAssignable")}</span>}
              </td>
              <td>
                <meter className="workload__meter" min={0} max={most} value={person.open} aria-hidden="true" />{" "}
                {person.open ? (
                  <Link to={`/workload/${person.id}`} aria-label={t("workload.openLink", { count: person.open, name: person.name })}>
                    {person.open}
                  </Link>
                ) : (
                  0
                )}
              </td>
              <td>
                {person.overdue ? (
                  <Link
                    className="badge badge--danger"
                    to={`/workload/${person.id}?show=overdue`}
                    aria-label={t("workload.overdueLink", { count: person.overdue, name: person.name })}
                  >
                    {person.overdue}
                  </Link>
                ) : (
                  0
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      </Card>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
