import { useEffect } from "react";
import { I18nextProvider } from "react-i18next";
import { isRouteErrorResponse, Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteError } from "react-router";
import { StandaloneErrorBoundary } from "~/components/error-boundary";
import { useNonce } from "~/components/nonce";
import { type RootData, useRootData } from "~/components/root-data";
import { isDatabaseUnavailableError } from "~/db/unavailable";
import { i18nFor, isLanguage } from "~/i18n/i18n";
import { requestLanguage } from "~/i18n/language.server";
import { getNewsroom } from "~/newsroom/settings.server";
import { getSessionUser } from "~/auth/session.server";
import { addressGuard } from "~/utils/address.server";
import type { Route } from "./+types/root";
import stylesheet from "./styles/app.css?url";

export const links: Route.LinksFunction = () => [
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "stylesheet", href: stylesheet },
];

// Before any loader or action of any route: ids that are not ids are not found, control characters are refused.
export const middleware: Route.MiddlewareFunction[] = [addressGuard];

export async function loader({ request, context }: Route.LoaderArgs): Promise<RootData> {
  const [user, newsroom] = await Promise.all([getSessionUser({ request, context }), getNewsroom()]).catch((error: unknown) => {
    // Without the database there is no user or newsroom to take the language from; the visitor's cookie or
    // browser still tells it, so the "database unavailable" page speaks their language.
    if (isDatabaseUnavailableError(error)) error.data.language = requestLanguage(request, null, "en");
    throw error;
  });
  const language = requestLanguage(request, user, newsroom.defaultLanguage);
  return {
    language,
    // Every date on the desk is shown in the newsroom's zone, by the server and by the browser alike
    // (useNewsroomClock), so hydration finds the text it rendered.
    newsroom: { name: newsroom.name, logoUrl: newsroom.logoUrl, timeZone: newsroom.timeZone },
    user: user && { id: user.id, name: user.name, email: user.email, role: user.role, permissions: user.permissions },
  };
}

export function Layout({ children }: { children: React.ReactNode }) {
  const nonce = useNonce();
  const language = useRootData()?.language ?? languageOfError(useRouteError());
  return (
    <html lang={language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {/* Keyed by language: a switch re-renders everything with the new catalog at once (no frame of stale text). */}
        <I18nextProvider key={language} i18n={i18nFor(language)}>
          {children}
        </I18nextProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

/** The language a root-level error page speaks when the root loader could not run (see the loader). */
function languageOfError(error: unknown) {
  const language = isRouteErrorResponse(error) ? (error.data as { language?: unknown } | null)?.language : undefined;
  return isLanguage(language) ? language : "en";
}

export default function App() {
  // Marks the page as interactive, so scripted browsers (and styles) can tell SSR HTML from the live app.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return <Outlet />;
}

export const ErrorBoundary = StandaloneErrorBoundary;
