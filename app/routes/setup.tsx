import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "react-i18next";
import { data, Form, redirect, useActionData, useNavigation } from "react-router";
import { z } from "zod";
import { emailSchema, passwordSchema } from "~/auth/password-rules";
import { createSession, sessionCookie } from "~/auth/session.server";
import { StandaloneErrorBoundary } from "~/components/error-boundary";
import { useRootData } from "~/components/root-data";
import { PublicShell } from "~/components/public-shell";
import { useSchemaForm } from "~/components/schema-form";
import { SignInFields } from "~/components/sign-in-fields";
import { Field, SelectField, SubmitButton } from "~/components/ui";
import { languages } from "~/i18n/i18n";
import { countUsers, createFirstAdmin } from "~/people/users.server";
import type { Route } from "./+types/setup";
import { readForm } from "~/utils/form.server";

const SetupSchema = z.object({
  newsroomName: z.string({ error: "form.required" }).trim().min(1, "form.required").max(120, "form.tooLong"),
  defaultLanguage: z.enum(languages, { error: "form.invalidChoice" }),
  name: z.string({ error: "form.required" }).trim().min(1, "form.required").max(120, "form.tooLong"),
  email: emailSchema,
  password: passwordSchema,
});

// First run only: once anyone has an account, /setup no longer exists.
async function requireFirstRun() {
  if ((await countUsers()) > 0) throw new Response("Not found", { status: 404 });
}

export async function loader() {
  await requireFirstRun();
  return null;
}

export async function action({ request }: Route.ActionArgs) {
  await requireFirstRun();
  const submission = parseWithZod(await readForm(request), { schema: SetupSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  }
  const { email, ...rest } = submission.value;
  const admin = await createFirstAdmin({ ...rest, email: email.toLowerCase() });
  if (!admin) throw new Response("Not found", { status: 404 });
  const token = await createSession(admin.id, request.headers.get("User-Agent"));
  return redirect("/dashboard", { headers: { "Set-Cookie": sessionCookie(token) } });
}

export default function Setup() {
  const { t } = useTranslation();
  const language = useRootData()?.language ?? "en";
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useSchemaForm(SetupSchema, { id: "setup", lastResult: actionData?.result, defaultValue: { defaultLanguage: language } });
  return (
    <PublicShell title={t("setup.title")} intro={t("setup.intro")}>
      <Form method="post" {...getFormProps(form)} className="stack">
        <Field label={t("setup.newsroomName")} meta={fields.newsroomName} autoComplete="organization" />
        <SelectField
          label={t("setup.defaultLanguage")}
          meta={fields.defaultLanguage}
          options={languages.map((value) => ({ value, label: t(`language.${value}`) }))}
        />
        <Field label={t("form.name")} meta={fields.name} autoComplete="name" />
        <SignInFields email={fields.email} password={fields.password} passwordAutoComplete="new-password" />
        <SubmitButton busy={navigation.state === "submitting"}>{t("setup.submit")}</SubmitButton>
      </Form>
    </PublicShell>
  );
}

export const ErrorBoundary = StandaloneErrorBoundary;
