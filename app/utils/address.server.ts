// Checks on the address of every request, run as the root route's middleware before any loader or action:
// a route parameter that should be an id and is not one names nothing (404, like an unknown id), and no
// parameter or query value may carry control characters (NUL included: PostgreSQL refuses it in text).
import { data, type MiddlewareFunction } from "react-router";
import { badInput } from "./form.server";
import { hasControlCharacters, isUuid } from "./input";

export const addressGuard: MiddlewareFunction<Response> = ({ request, params }) => {
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    // Route parameters named `…Id` (articleId, claimId, snapshotId, personId) are UUIDs.
    if ((name.endsWith("Id") && !isUuid(value)) || hasControlCharacters(value)) throw data(null, { status: 404 });
  }
  for (const [name, value] of new URL(request.url).searchParams) {
    if (hasControlCharacters(name) || hasControlCharacters(value)) throw badInput("badInput.controlCharacters", 400);
  }
};
