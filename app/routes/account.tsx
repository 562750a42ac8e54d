import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "react-i18next";
import { data, Form, redirect, useActionData, useLoaderData } from "react-router";
import { z } from "zod";
import { requireUser } from "~/auth/guards.server";
import { passwordSchema } from "~/auth/password-rules";
import { countUserSessions, invalidateUserSessions } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useSchemaForm } from "~/components/schema-form";
import { useRootData } from "~/components/root-data";
import { Alert, Card, Field, PageHeader, SubmitButton } from "~/components/ui";
import { languages } from "~/i18n/i18n";
import { changePassword, setUserLanguage } from "~/people/users.server";
import type { Route } from "./+types/account";
import { readForm } from "~/utils/form.server";

const PasswordSchema = z.object({
  intent: z.literal("password"),
  currentPassword: z.string({ error: "form.required" }).max(1024, "form.tooLong"),
  newPassword: passwordSchema,
});

const AccountSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("language"), language: z.enum(languages, { error: "form.invalidChoice" }) }),
  z.object({ intent: z.literal("signOutEverywhere") }),
  PasswordSchema,
]);

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireUser({ request, context });
  return { sessions: await countUserSessions(user.id) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireUser({ request, context });
  const submission = parseWithZod(await readForm(request), { schema: AccountSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["currentPassword", "newPassword"] }), notice: null }, { status: 400 });
  }
  const value = submission.value;
  switch (value.intent) {
    case "language":
      await setUserLanguage(user.id, value.language);
      return redirect("/account");
    case "signOutEverywhere": {
      const count = await invalidateUserSessions(user.id, { except: user.sessionId });
      return { result: submission.reply({ resetForm: true }), notice: { key: "account.signedOutOthers", count } };
    }
    case "password": {
      const changed = await changePassword(user.id, user.sessionId, value.currentPassword, value.newPassword);
      if (!changed) {
        return data(
          { result: submission.reply({ fieldErrors: { currentPassword: ["account.wrongPassword"] }, hideFields: ["currentPassword", "newPassword"] }), notice: null },
          { status: 400 },
        );
      }
      return { result: submission.reply({ resetForm: true }), notice: { key: "account.passwordChanged", count: 0 } };
    }
  }
}

export default function Account() {
  const { t } = useTranslation();
  const { sessions } = useLoaderData<typeof loader>();
  const root = useRootData();
  const actionData = useActionData<typeof action>();
  const [passwordForm, fields] = useSchemaForm(PasswordSchema, { id: "password", lastResult: actionData?.result });
  return (
    <>
      <PageHeader title={t("account.title")} intro={root?.user ? `${root.user.name} · ${root.user.email}` : undefined} />
      {actionData?.notice ? (
        <Alert tone="success">
          <p>{t(actionData.notice.key, { count: actionData.notice.count })}</p>
        </Alert>
      ) : null}
      <div className="grid">
        <Card title={t("account.language")} id="language-title">
          <p className="muted">{t("account.languageHelp")}</p>
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="language" />
            <label className="visually-hidden" htmlFor="account-language">
              {t("account.language")}
            </label>
            <select id="account-language" name="language" defaultValue={root?.language}>
              {languages.map((language) => (
                <option key={language} value={language}>
                  {t(`language.${language}`)}
                </option>
              ))}
            </select>
            <SubmitButton tone="secondary">{t("form.save")}</SubmitButton>
          </Form>
        </Card>
        <Card title={t("account.sessions")} id="sessions-title">
          <p className="muted">{t("account.sessionsHelp", { count: sessions })}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="signOutEverywhere" />
            <SubmitButton tone="danger">{t("account.signOutEverywhere")}</SubmitButton>
          </Form>
        </Card>
        <Card title={t("account.changePassword")} id="password-title">
          <Form method="post" {...getFormProps(passwordForm)} className="stack">
            <input type="hidden" name="intent" value="password" />
            <Field label={t("account.currentPassword")} meta={fields.currentPassword} type="password" autoComplete="current-password" />
            <Field label={t("account.newPassword")} meta={fields.newPassword} type="password" autoComplete="new-password" />
            <SubmitButton tone="secondary">{t("account.changePassword")}</SubmitButton>
          </Form>
        </Card>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
