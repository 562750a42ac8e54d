import { useTranslation } from "react-i18next";
import { isRouteErrorResponse, Link, useRouteError } from "react-router";
import { DocumentTitle } from "./ui";

/** A readable page for 403, 404 and unexpected errors, in the reader's language. Used by every route. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (!isRouteErrorResponse(error) && import.meta.env.SSR) console.error(error);

  // Bad input (app/utils/form.server.ts) says what was wrong with it.
  const badInput = isRouteErrorResponse(error) && typeof error.data?.badInput === "string" ? (error.data.badInput as string) : null;
  const title =
    status === 403 ? t("error.403title") : status === 404 ? t("error.404title") : status === 410 ? t("error.410title") : badInput ? t("badInput.title") : t("error.title");
  const message = badInput
    ? t(badInput)
    : status === 403 ? t("error.403") : status === 404 ? t("error.404") : status === 410 ? t("error.410") : status === 400 ? t("error.400") : t("error.500");

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

/** The error page of routes outside the desk (setup, invitations, unknown addresses, the root). */
export function StandaloneErrorBoundary() {
  return (
    <main id="main" className="page page--narrow">
      <GeneralErrorBoundary />
    </main>
  );
}
