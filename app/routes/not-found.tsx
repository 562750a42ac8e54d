import { StandaloneErrorBoundary } from "~/components/error-boundary";

// Any address that matches no route: a readable 404 page.
export async function loader() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return null;
}

export const ErrorBoundary = StandaloneErrorBoundary;
