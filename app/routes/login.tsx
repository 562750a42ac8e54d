import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "react-i18next";
import { data, Form, redirect, useActionData, useNavigation, useSearchParams } from "react-router";
import { z } from "zod";
import { requireAnonymous } from "~/auth/guards.server";
import { safeRedirect } from "~/auth/redirect-target";
import { signIn } from "~/auth/login.server";
import { emailSchema } from "~/auth/password-rules";
import { sessionCookie } from "~/auth/session.server";
import { useNewsroomClock } from "~/components/clock";
import { StandaloneErrorBoundary } from "~/components/error-boundary";
import { PublicShell } from "~/components/public-shell";
import { useSchemaForm } from "~/components/schema-form";
import { SignInFields } from "~/components/sign-in-fields";
import { FormAlert, SubmitButton } from "~/components/ui";
import { countUsers } from "~/people/users.server";
import { requestContextOf } from "~/server/request-context";
import type { Route } from "./+types/login";
import { readForm } from "~/utils/form.server";

const LoginSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "form.required" }).max(1024, "form.tooLong"),
  redirectTo: z.string().optional(),
});

// Keep the action's Retry-After on the refused-sign-in page.
export const headers: Route.HeadersFunction = ({ actionHeaders }) => actionHeaders;

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireAnonymous({ request, context });
  if ((await countUsers()) === 0) throw redirect("/setup");
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  await requireAnonymous({ request, context });
  // Only a form from our own page is read; JSON from a script and the like get a 4xx (app/utils/form.server.ts).
  const submission = parseWithZod(await readForm(request), { schema: LoginSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }), retryAt: null }, { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  const outcome = await signIn({
    email,
    password,
    ip: requestContextOf(context).clientIp,
    userAgent: request.headers.get("User-Agent"),
    cookieHeader: request.headers.get("Cookie"),
  });
  if (!outcome.ok) {
    const throttled = outcome.reason === "throttled";
    return data(
      {
        result: submission.reply({ formErrors: [throttled ? "login.throttled" : "login.invalid"], hideFields: ["password"] }),
        retryAt: throttled ? outcome.retryAt.toISOString() : null,
      },
      { status: throttled ? 429 : 400, headers: throttled ? { "Retry-After": String(Math.ceil((outcome.retryAt.getTime() - Date.now()) / 1000)) } : undefined },
    );
  }
  const headers = new Headers({ "Set-Cookie": sessionCookie(outcome.token) });
  if (outcome.deviceCookie) headers.append("Set-Cookie", outcome.deviceCookie);
  return redirect(safeRedirect(redirectTo), { headers });
}

export default function Login() {
  const { t, i18n } = useTranslation();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const [form, fields] = useSchemaForm(LoginSchema, { id: "login", lastResult: actionData?.result });
  const clock = useNewsroomClock();
  const retryAt = actionData?.retryAt ? clock.time(actionData.retryAt) : null;
  return (
    <PublicShell title={t("login.title")} intro={t("login.intro")}>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormAlert id={form.errorId} errors={form.errors} values={{ time: retryAt }} />
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <SignInFields email={fields.email} password={fields.password} passwordAutoComplete="current-password" />
        <SubmitButton busy={navigation.state === "submitting"}>{t("login.submit")}</SubmitButton>
      </Form>
    </PublicShell>
  );
}

export const ErrorBoundary = StandaloneErrorBoundary;
