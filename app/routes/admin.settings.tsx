import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "react-i18next";
import { Form, useActionData, useLoaderData } from "react-router";
import { z } from "zod";
import { requireUserWithPermission } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useSchemaForm } from "~/components/schema-form";
import { Card, CheckboxField, Field, FormNoticeAlert, PageHeader, SelectField, SubmitButton } from "~/components/ui";
import { languages } from "~/i18n/i18n";
import { matchThresholds, updateMatchThresholds } from "~/matching/checked-before.server";
import { MatchThresholdsForm, thresholdsFromPercent } from "~/matching/threshold-form";
import { thresholdPercent } from "~/matching/thresholds";
import { getNewsroom, updateNewsroom } from "~/newsroom/settings.server";
import { isTimeZone } from "~/newsroom/time-zone";
import type { Route } from "./+types/admin.settings";
import type { FormAnswer } from "~/utils/form-answer";
import { invalidReply, readForm } from "~/utils/form.server";

const webAddress = z
  .string()
  .trim()
  .max(2000, "form.tooLong")
  .pipe(z.url({ protocol: /^https?$/, error: "form.urlInvalid" }))
  .optional();

const SettingsSchema = z.object({
  name: z.string({ error: "form.required" }).trim().min(1, "form.required").max(120, "form.tooLong"),
  publicUrl: webAddress,
  logoUrl: webAddress,
  defaultLanguage: z.enum(languages, { error: "form.invalidChoice" }),
  // Optional: a form loaded before this field existed keeps the newsroom's time zone.
  timeZone: z.string().refine(isTimeZone, "form.invalidChoice").optional(),
  creditReviewers: z.boolean().default(false),
  blindSecondReview: z.boolean().default(false),
});

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireUserWithPermission({ request, context }, "update:settings:any");
  return { newsroom: await getNewsroom(), thresholds: await matchThresholds(), timeZones: Intl.supportedValuesOf("timeZone") };
}

export async function action({ request, context }: Route.ActionArgs) {
  const admin = await requireUserWithPermission({ request, context }, "update:settings:any");
  const form = await readForm(request);
  // The "Checked before" thresholds are their own form; the newsroom form carries no intent.
  if (form.get("intent") === "matchThresholds") {
    const submission = parseWithZod(form, { schema: MatchThresholdsForm });
    if (submission.status !== "success") return invalidReply(submission);
    await updateMatchThresholds(admin, thresholdsFromPercent(submission.value));
    return { result: submission.reply(), notice: { tone: "success", key: "form.saved" } } satisfies FormAnswer;
  }
  const submission = parseWithZod(form, { schema: SettingsSchema });
  if (submission.status !== "success") return invalidReply(submission);
  const { publicUrl, logoUrl, timeZone, ...rest } = submission.value;
  await updateNewsroom(admin, { ...rest, publicUrl: publicUrl ?? null, logoUrl: logoUrl ?? null, timeZone: timeZone ?? (await getNewsroom()).timeZone });
  return { result: submission.reply(), notice: { tone: "success", key: "form.saved" } } satisfies FormAnswer;
}

type Answer = FormAnswer | undefined;

/** The answer belongs to the form that sent it: the thresholds form sends an intent, the newsroom form none. */
function answerFor(answer: Answer, intent: string | undefined) {
  return answer?.result.initialValue?.intent === intent ? answer?.result : undefined;
}

function MatchThresholdsFieldset({ answer }: { answer: Answer }) {
  const { t } = useTranslation();
  const { thresholds } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(MatchThresholdsForm, {
    id: "match-thresholds",
    lastResult: answerFor(answer, "matchThresholds"),
    defaultValue: { suggestPercent: thresholdPercent(thresholds.suggestAt), likelySamePercent: thresholdPercent(thresholds.likelySameAt) },
  });
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <fieldset className="stack">
        <legend>{t("matchSettings.title")}</legend>
        <p className="field__help">{t("matchSettings.intro")}</p>
        <input type="hidden" name="intent" value="matchThresholds" />
        <Field label={t("matchSettings.suggestAt")} meta={fields.suggestPercent} type="number" className="input--narrow" help={t("matchSettings.suggestHelp")} />
        <Field
          label={t("matchSettings.likelySameAt")}
          meta={fields.likelySamePercent}
          type="number"
          className="input--narrow"
          help={t("matchSettings.likelySameHelp")}
        />
      </fieldset>
      <SubmitButton>{t("form.save")}</SubmitButton>
    </Form>
  );
}

export default function NewsroomSettings() {
  const { t } = useTranslation();
  const { newsroom, timeZones } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(SettingsSchema, {
    id: "newsroom",
    lastResult: answerFor(actionData, undefined),
    defaultValue: {
      name: newsroom.name,
      publicUrl: newsroom.publicUrl ?? "",
      logoUrl: newsroom.logoUrl ?? "",
      defaultLanguage: newsroom.defaultLanguage,
      timeZone: newsroom.timeZone,
      creditReviewers: newsroom.creditReviewers ? "on" : undefined,
      blindSecondReview: newsroom.blindSecondReview ? "on" : undefined,
    },
  });
  return (
    <>
      <PageHeader title={t("settings.title")} intro={t("settings.intro")} />
      <FormNoticeAlert notice={actionData?.notice} />
      <Card>
        <Form method="post" {...getFormProps(form)} className="stack">
          <Field label={t("settings.name")} meta={fields.name} autoComplete="organization" />
          <Field label={t("settings.publicUrl")} meta={fields.publicUrl} type="url" />
          <Field label={t("settings.logoUrl")} meta={fields.logoUrl} type="url" />
          <SelectField
            label={t("settings.defaultLanguage")}
            meta={fields.defaultLanguage}
            options={languages.map((value) => ({ value, label: t(`language.${value}`) }))}
          />
          <SelectField
            label={t("settings.timeZone")}
            meta={fields.timeZone}
            options={(timeZones.includes(newsroom.timeZone) ? timeZones : [newsroom.timeZone, ...timeZones]).map((value) => ({ value, label: value.replace(/_/g, " ") }))}
          />
          <CheckboxField label={t("settings.creditReviewers")} meta={fields.creditReviewers} />
          <CheckboxField label={t("settings.blindSecondReview")} meta={fields.blindSecondReview} />
          <SubmitButton>{t("form.save")}</SubmitButton>
        </Form>
      </Card>
      <Card>
        <MatchThresholdsFieldset answer={actionData} />
      </Card>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
