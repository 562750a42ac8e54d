import { redirect } from "react-router";
import { requireUser } from "~/auth/guards.server";
import type { Route } from "./+types/home";

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireUser({ request, context });
  throw redirect("/dashboard");
}
