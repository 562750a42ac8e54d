import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "react-i18next";
import { Form, useActionData, useLoaderData } from "react-router";
import { requireUserWithPermission } from "~/auth/guards.server";
import { RatingBadge } from "~/components/claim/verdict-section";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useSchemaForm } from "~/components/schema-form";
import { ActionForm, Card, Field, FormAlert, FormNoticeAlert, PageHeader } from "~/components/ui";
import { AddLabel, ScaleAction, UpdateLabel } from "~/rating-scale/label-form";
import { addLabel, deleteLabel, listScaleLabels, moveLabel, renameLabel, ScaleRefused } from "~/rating-scale/rating-scale.server";
import type { Route } from "./+types/admin.scale";
import type { FormAnswer } from "~/utils/form-answer";
import { invalidReply, readForm, refusalReply } from "~/utils/form.server";

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireUserWithPermission({ request, context }, "update:scale:any");
  return { labels: await listScaleLabels() };
}

export async function action({ request, context }: Route.ActionArgs) {
  const admin = await requireUserWithPermission({ request, context }, "update:scale:any");
  const submission = parseWithZod(await readForm(request), { schema: ScaleAction });
  if (submission.status !== "success") return invalidReply(submission);
  const value = submission.value;
  try {
    switch (value.intent) {
      case "add":
        await addLabel(admin, value);
        break;
      case "update":
        await renameLabel(admin, value.id, value);
        break;
      case "move":
        await moveLabel(admin, value.id, value.direction);
        break;
      case "delete":
        await deleteLabel(admin, value.id);
        break;
    }
  } catch (error) {
    if (!(error instanceof ScaleRefused)) throw error;
    return refusalReply(submission, error);
  }
  return { result: submission.reply({ resetForm: value.intent === "add" }), notice: { tone: "success", key: "form.saved" } } satisfies FormAnswer;
}

type Label = Awaited<ReturnType<typeof loader>>["labels"][number];
type Answer = FormAnswer | undefined;

/** The answer belongs to the form that was sent: the add form, or the row of the label it names. */
function answerFor(answer: Answer, intent: string, id?: string) {
  const sent = answer?.result.initialValue;
  return sent?.intent === intent && (id === undefined || sent.id === id) ? answer?.result : undefined;
}

function LabelForm({ label, answer }: { label: Label; answer: Answer }) {
  const { t } = useTranslation();
  const [form, fields] = useSchemaForm(UpdateLabel, {
    id: `scale-label-${label.id}`,
    lastResult: answerFor(answer, "update", label.id),
    defaultValue: { labelEn: label.labelEn, labelId: label.labelId, colour: label.colour, value: label.value },
  });
  return (
    <Form method="post" {...getFormProps(form)} className="scale-admin__form">
      <input type="hidden" name="intent" value="update" />
      <input type="hidden" name="id" value={label.id} />
      <Field label={t("scale.labelEn")} meta={fields.labelEn} />
      <Field label={t("scale.labelId")} meta={fields.labelId} />
      <Field label={t("scale.colour")} meta={fields.colour} type="color" />
      <Field label={t("scale.value")} meta={fields.value} type="number" className="input--narrow" />
      <button type="submit" className="btn btn--secondary">
        {t("form.save")}
      </button>
    </Form>
  );
}

function AddLabelForm({ answer }: { answer: Answer }) {
  const { t } = useTranslation();
  const [form, fields] = useSchemaForm(AddLabel, { id: "scale-add", lastResult: answerFor(answer, "add"), defaultValue: { colour: "#6b6f76" } });
  return (
    <Form method="post" {...getFormProps(form)} className="scale-admin__form">
      <input type="hidden" name="intent" value="add" />
      <Field label={t("scale.labelEn")} meta={fields.labelEn} />
      <Field label={t("scale.labelId")} meta={fields.labelId} />
      <Field label={t("scale.colour")} meta={fields.colour} type="color" />
      <button type="submit" className="btn btn--primary">
        {t("scale.add")}
      </button>
    </Form>
  );
}

export default function RatingScaleAdmin() {
  const { t } = useTranslation();
  const { labels } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader title={t("scale.title")} intro={t("scale.intro")} />
      <FormNoticeAlert notice={actionData?.notice} />
      <FormAlert id="scale-refused" errors={actionData?.result.error?.[""] ?? undefined} />
      <Card>
        <ol className="scale-admin">
          {labels.map((label, index) => (
            <li key={`${label.id}:${label.value}:${label.labelEn}:${label.labelId}:${label.colour}`} className="scale-admin__item">
              <div className="scale-admin__preview">
                <RatingBadge rating={label} />
                <span className="muted small">
                  {label.verdicts > 0 ? t("scale.inUse", { count: label.verdicts }) : t("scale.unused")}
                </span>
              </div>
              <LabelForm label={label} answer={actionData} />
              <div className="scale-admin__tools">
                <ActionForm intent="move" fields={{ id: label.id, direction: "up" }}>
                  <button type="submit" className="btn btn--ghost" disabled={index === 0} aria-label={t("scale.moveUpLabel", { label: label.labelEn })}>
                    {t("scale.moveUp")}
                  </button>
                </ActionForm>
                <ActionForm intent="move" fields={{ id: label.id, direction: "down" }}>
                  <button type="submit" className="btn btn--ghost" disabled={index === labels.length - 1} aria-label={t("scale.moveDownLabel", { label: label.labelEn })}>
                    {t("scale.moveDown")}
                  </button>
                </ActionForm>
                <ActionForm intent="delete" fields={{ id: label.id }} confirm={t("scale.deleteConfirm")}>
                  <button type="submit" className="btn btn--danger" disabled={label.verdicts > 0} title={label.verdicts > 0 ? t("scale.deleteInUse") : undefined}>
                    {t("scale.delete")}
                  </button>
                </ActionForm>
              </div>
            </li>
          ))}
        </ol>
        {labels.length === 0 ? <p className="muted">{t("scale.empty")}</p> : null}
      </Card>
      <Card title={t("scale.addTitle")} id="scale-add-title">
        <AddLabelForm answer={actionData} />
        <p className="field__help">{t("scale.addHelp")}</p>
      </Card>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
