import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect, useActionData, useLoaderData, useNavigation } from "react-router";
import { z } from "zod";
import { requireAnonymous } from "~/auth/guards.server";
import { passwordSchema } from "~/auth/password-rules";
import { createSession, sessionCookie } from "~/auth/session.server";
import { StandaloneErrorBoundary } from "~/components/error-boundary";
import { PublicShell } from "~/components/public-shell";
import { useSchemaForm } from "~/components/schema-form";
import { useRootData } from "~/components/root-data";
import { Alert, Field, FormAlert, SubmitButton } from "~/components/ui";
import { isLanguage } from "~/i18n/i18n";
import { acceptInvite, findUsableInvite } from "~/people/invites.server";
import type { Route } from "./+types/invite";
import { readForm } from "~/utils/form.server";

const AcceptSchema = z.object({
  name: z.string({ error: "form.required" }).trim().min(1, "form.required").max(120, "form.tooLong"),
  password: passwordSchema,
  language: z.string().optional(),
});

export async function loader({ request, params, context }: Route.LoaderArgs) {
  await requireAnonymous({ request, context });
  const invite = await findUsableInvite(params.token);
  // An unusable link is not an error page: the person needs to know what to do next.
  return { invite: invite && { email: invite.email, role: invite.role.name } };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  await requireAnonymous({ request, context });
  const submission = parseWithZod(await readForm(request), { schema: AcceptSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  }
  const { name, password, language } = submission.value;
  const accepted = await acceptInvite(params.token, { name, password, language: isLanguage(language) ? language : "en" });
  if (!accepted.ok) {
    const key = { exists: "invite.emailTaken", used: "invite.used", invalid: "invite.invalid" }[accepted.reason];
    // 410: the link was used up a moment ago by someone else; 409: it cannot create this account.
    return data({ result: submission.reply({ formErrors: [key], hideFields: ["password"] }) }, { status: accepted.reason === "used" ? 410 : 409 });
  }
  const token = await createSession(accepted.userId, request.headers.get("User-Agent"));
  return redirect("/dashboard", { headers: { "Set-Cookie": sessionCookie(token) } });
}

export default function AcceptInvite() {
  const { t } = useTranslation();
  const { invite } = useLoaderData<typeof loader>();
  const root = useRootData();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useSchemaForm(AcceptSchema, { id: "invite", lastResult: actionData?.result });
  const newsroom = root?.newsroom.name ?? t("app.name");
  if (!invite) {
    return (
      <PublicShell title={t("invite.title", { newsroom })}>
        <Alert tone="error">
          <p>{t("invite.invalid")}</p>
        </Alert>
        <p>
          <Link to="/login">{t("login.title")}</Link>
        </p>
      </PublicShell>
    );
  }
  return (
    <PublicShell
      title={t("invite.title", { newsroom })}
      intro={t("invite.intro", { role: t(`role.${invite.role}`), email: invite.email })}
    >
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormAlert id={form.errorId} errors={form.errors} />
        <input type="hidden" name="language" value={root?.language ?? "en"} />
        <Field label={t("form.name")} meta={fields.name} autoComplete="name" />
        <Field label={t("form.password")} meta={fields.password} type="password" autoComplete="new-password" />
        <SubmitButton busy={navigation.state === "submitting"}>{t("invite.submit")}</SubmitButton>
      </Form>
    </PublicShell>
  );
}

export const ErrorBoundary = StandaloneErrorBoundary;
