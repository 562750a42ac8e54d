import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { isRouteErrorResponse, Link, useRouteError } from "react-router";
import { databaseUnavailableReason } from "~/db/unavailable";
import { DocumentTitle } from "./ui";

/** A readable page for 403, 404 and unexpected errors, in the reader's language. Used by every route. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (!isRouteErrorResponse(error) && import.meta.env.SSR) console.error(error);

  const { title, message } = errorText(status, isRouteErrorResponse(error) ? error.data : null, t);

  return (
    <section className="error-page" role="alert" aria-labelledby="error-title">
      <DocumentTitle title={title} />
      <p className="error-page__status">{t("error.status", { status })}</p>
      <h1 id="error-title">{title}</h1>
      <p>{message}</p>
      <p>
        <Link className="btn btn--secondary" to="/dashboard">
          {t("error.backHome")}
        </Link>
      </p>
    </section>
  );
}

/** What the error page says: a specific message for bad input and for an unavailable database, else by status. */
function errorText(status: number, data: unknown, t: TFunction): { title: string; message: string } {
  const detail = data && typeof data === "object" ? (data as { reason?: unknown; badInput?: unknown }) : {};
  if (status === 503 && detail.reason === databaseUnavailableReason) return { title: t("error.databaseTitle"), message: t("error.database") };
  // Bad input (app/utils/form.server.ts) says what was wrong with it.
  if (typeof detail.badInput === "string" && status !== 403 && status !== 404 && status !== 410) return { title: t("badInput.title"), message: t(detail.badInput) };
  const key = status === 403 || status === 404 || status === 410 ? String(status) : null;
  return {
    title: key ? t(`error.${key}title`) : t("error.title"),
    message: key ? t(`error.${key}`) : status === 400 ? t("error.400") : t("error.500"),
  };
}

/** The error page of routes outside the desk (setup, invitations, unknown addresses, the root). */
export function StandaloneErrorBoundary() {
  return (
    <main id="main" className="page page--narrow">
      <GeneralErrorBoundary />
    </main>
  );
}
