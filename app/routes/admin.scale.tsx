import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "react-i18next";
import { data, Form, useActionData, useLoaderData } from "react-router";
import { z } from "zod";
import { requireUserWithPermission } from "~/auth/guards.server";
import { RatingBadge } from "~/components/claim/verdict-section";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Alert, Card, LabelledField, PageHeader } from "~/components/ui";
import { addLabel, deleteLabel, listScaleLabels, moveLabel, renameLabel, ScaleRefused } from "~/scale/scale.server";
import type { Route } from "./+types/admin.scale";
import { readForm } from "~/utils/form.server";

const labelText = {
  labelEn: z.string({ error: "scale.error.badLabel" }).trim().min(1, "scale.error.badLabel").max(60, "scale.error.badLabel"),
  labelId: z.string({ error: "scale.error.badLabel" }).trim().min(1, "scale.error.badLabel").max(60, "scale.error.badLabel"),
  colour: z.string({ error: "scale.error.badLabel" }).regex(/^#[0-9a-fA-F]{6}$/, "scale.error.badLabel"),
};

const ScaleAction = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("add"), ...labelText }),
  z.object({ intent: z.literal("update"), id: z.uuid(), ...labelText, value: z.coerce.number().int().min(0).max(1000) }),
  z.object({ intent: z.literal("move"), id: z.uuid(), direction: z.enum(["up", "down"]) }),
  z.object({ intent: z.literal("delete"), id: z.uuid() }),
]);

type Notice = { tone: "success" | "error"; key: string };

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireUserWithPermission({ request, context }, "update:scale:any");
  return { labels: await listScaleLabels() };
}

export async function action({ request, context }: Route.ActionArgs) {
  const admin = await requireUserWithPermission({ request, context }, "update:scale:any");
  const submission = parseWithZod(await readForm(request), { schema: ScaleAction });
  if (submission.status !== "success") return data<{ notice: Notice }>({ notice: { tone: "error", key: "scale.error.badLabel" } }, { status: 400 });
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
    return data<{ notice: Notice }>({ notice: { tone: "error", key: error.messageKey } }, { status: error.status });
  }
  return { notice: { tone: "success", key: "form.saved" } satisfies Notice };
}

export default function RatingScaleAdmin() {
  const { t } = useTranslation();
  const { labels } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader title={t("scale.title")} intro={t("scale.intro")} />
      {actionData?.notice ? (
        <Alert tone={actionData.notice.tone}>
          <p>{t(actionData.notice.key)}</p>
        </Alert>
      ) : null}
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
              <Form method="post" className="scale-admin__form">
                <input type="hidden" name="intent" value="update" />
                <input type="hidden" name="id" value={label.id} />
                <LabelledField id={`label-en-${label.id}`} label={t("scale.labelEn")}>
                  <input id={`label-en-${label.id}`} name="labelEn" defaultValue={label.labelEn} required maxLength={60} />
                </LabelledField>
                <LabelledField id={`label-id-${label.id}`} label={t("scale.labelId")}>
                  <input id={`label-id-${label.id}`} name="labelId" defaultValue={label.labelId} required maxLength={60} />
                </LabelledField>
                <LabelledField id={`label-colour-${label.id}`} label={t("scale.colour")}>
                  <input id={`label-colour-${label.id}`} name="colour" type="color" defaultValue={label.colour} required />
                </LabelledField>
                <LabelledField id={`label-value-${label.id}`} label={t("scale.value")}>
                  <input id={`label-value-${label.id}`} name="value" type="number" min={0} max={1000} className="input--narrow" defaultValue={label.value} required />
                </LabelledField>
                <button type="submit" className="btn btn--secondary">
                  {t("form.save")}
                </button>
              </Form>
              <div className="scale-admin__tools">
                <Form method="post">
                  <input type="hidden" name="intent" value="move" />
                  <input type="hidden" name="id" value={label.id} />
                  <input type="hidden" name="direction" value="up" />
                  <button type="submit" className="btn btn--ghost" disabled={index === 0} aria-label={t("scale.moveUpLabel", { label: label.labelEn })}>
                    {t("scale.moveUp")}
                  </button>
                </Form>
                <Form method="post">
                  <input type="hidden" name="intent" value="move" />
                  <input type="hidden" name="id" value={label.id} />
                  <input type="hidden" name="direction" value="down" />
                  <button type="submit" className="btn btn--ghost" disabled={index === labels.length - 1} aria-label={t("scale.moveDownLabel", { label: label.labelEn })}>
                    {t("scale.moveDown")}
                  </button>
                </Form>
                <Form
                  method="post"
                  onSubmit={(event) => {
                    if (!window.confirm(t("scale.deleteConfirm"))) event.preventDefault();
                  }}
                >
                  <input type="hidden" name="intent" value="delete" />
                  <input type="hidden" name="id" value={label.id} />
                  <button type="submit" className="btn btn--danger" disabled={label.verdicts > 0} title={label.verdicts > 0 ? t("scale.deleteInUse") : undefined}>
                    {t("scale.delete")}
                  </button>
                </Form>
              </div>
            </li>
          ))}
        </ol>
        {labels.length === 0 ? <p className="muted">{t("scale.empty")}</p> : null}
      </Card>
      <Card title={t("scale.addTitle")} id="scale-add-title">
        <Form method="post" className="scale-admin__form">
          <input type="hidden" name="intent" value="add" />
          <LabelledField id="new-label-en" label={t("scale.labelEn")}>
            <input id="new-label-en" name="labelEn" required maxLength={60} />
          </LabelledField>
          <LabelledField id="new-label-id" label={t("scale.labelId")}>
            <input id="new-label-id" name="labelId" required maxLength={60} />
          </LabelledField>
          <LabelledField id="new-label-colour" label={t("scale.colour")}>
            <input id="new-label-colour" name="colour" type="color" defaultValue="#6b6f76" required />
          </LabelledField>
          <button type="submit" className="btn btn--primary">
            {t("scale.add")}
          </button>
        </Form>
        <p className="field__help">{t("scale.addHelp")}</p>
      </Card>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
