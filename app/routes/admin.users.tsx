import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { data, Form, useActionData, useLoaderData } from "react-router";
import { z } from "zod";
import { requireUserWithPermission } from "~/auth/guards.server";
import { emailSchema } from "~/auth/password-rules";
import { roles } from "~/auth/permissions";
import { useNewsroomClock } from "~/components/clock";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useSchemaForm } from "~/components/schema-form";
import { Alert, Card, DataTable, Field, PageHeader, SelectField, SubmitButton } from "~/components/ui";
import { inviteValidDays } from "~/people/invite-rules";
import { createInvite, listPendingInvites, revokeInvite } from "~/people/invites.server";
import { changeRole, listPeople, PeopleRuleError, setActive } from "~/people/users.server";
import { requestOrigin } from "~/publishing/public-url.server";
import type { Route } from "./+types/admin.users";
import { readForm } from "~/utils/form.server";

const InviteSchema = z.object({
  intent: z.literal("invite"),
  email: emailSchema,
  role: z.enum(roles, { error: "form.invalidChoice" }),
});

const PeopleSchema = z.discriminatedUnion("intent", [
  InviteSchema,
  z.object({ intent: z.literal("role"), userId: z.uuid(), role: z.enum(roles) }),
  z.object({ intent: z.literal("deactivate"), userId: z.uuid() }),
  z.object({ intent: z.literal("reactivate"), userId: z.uuid() }),
  z.object({ intent: z.literal("revoke"), inviteId: z.uuid() }),
]);

export async function loader({ request, context }: Route.LoaderArgs) {
  const admin = await requireUserWithPermission({ request, context }, "read:user:any");
  const [people, invites] = await Promise.all([listPeople(), listPendingInvites()]);
  return { adminId: admin.id, people, invites };
}

type Notice = { tone: "success" | "error"; key: string; link?: string; email?: string; expiresAt?: string };

export async function action({ request, context }: Route.ActionArgs) {
  const admin = await requireUserWithPermission({ request, context }, "update:user:any");
  const submission = parseWithZod(await readForm(request), { schema: PeopleSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), notice: null as Notice | null }, { status: 400 });
  }
  const value = submission.value;
  try {
    switch (value.intent) {
      case "invite": {
        await requireUserWithPermission({ request, context }, "create:invite:any");
        const email = value.email.toLowerCase();
        const invite = await createInvite(admin, email, value.role);
        if (!invite.ok) {
          return data({ result: submission.reply({ fieldErrors: { email: ["people.inviteExists"] } }), notice: null }, { status: 409 });
        }
        const link = new URL(`/invite/${invite.token}`, requestOrigin(request)).toString();
        const notice: Notice = { tone: "success", key: "people.inviteCreated", link, email, expiresAt: invite.expiresAt.toISOString() };
        return { result: submission.reply({ resetForm: true }), notice };
      }
      case "role":
        await changeRole(admin, value.userId, value.role);
        return { result: submission.reply(), notice: { tone: "success", key: "people.roleChanged" } as Notice };
      case "deactivate":
      case "reactivate": {
        const active = value.intent === "reactivate";
        await setActive(admin, value.userId, active);
        return { result: submission.reply(), notice: { tone: "success", key: active ? "people.reactivated_done" : "people.deactivated_done" } as Notice };
      }
      case "revoke":
        await revokeInvite(admin, value.inviteId);
        return { result: submission.reply(), notice: { tone: "success", key: "people.revoked" } as Notice };
    }
  } catch (error) {
    if (error instanceof PeopleRuleError) {
      return data({ result: submission.reply(), notice: { tone: "error", key: error.messageKey } as Notice }, { status: error.status });
    }
    throw error;
  }
}

export default function People() {
  const { t, i18n } = useTranslation();
  const { adminId, people, invites } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const clock = useNewsroomClock();
  const [form, fields] = useSchemaForm(InviteSchema, { id: "invite", lastResult: actionData?.result, defaultValue: { role: "reviewer" } });
  const notice = actionData?.notice;
  const roleOptions = roles.map((role) => ({ value: role, label: t(`role.${role}`) }));
  return (
    <>
      <PageHeader title={t("people.title")} intro={t("people.intro")} />
      {notice ? (
        <Alert tone={notice.tone}>
          <p>
            {t(notice.key, {
              email: notice.email,
              date: notice.expiresAt ? clock.dateTime(notice.expiresAt) : undefined,
            })}
          </p>
          {notice.link ? <InviteLink link={notice.link} /> : null}
        </Alert>
      ) : null}
      <Card>
        <DataTable wrap columns={[t("people.name"), t("people.email"), t("people.role"), t("people.status"), t("people.actions")]}>
          {people.map((person) => {
            const self = person.id === adminId;
            return (
              <tr key={person.id} data-email={person.email}>
                <td>
                  {person.name} {self ? <span className="muted">({t("people.you")})</span> : null}
                </td>
                <td>{person.email}</td>
                <td>
                  {self ? (
                    t(`role.${person.role.name}`)
                  ) : (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="role" />
                      <input type="hidden" name="userId" value={person.id} />
                      <label className="visually-hidden" htmlFor={`role-${person.id}`}>
                        {t("people.changeRole")}: {person.name}
                      </label>
                      <select id={`role-${person.id}`} name="role" defaultValue={person.role.name}>
                        {roleOptions.map((option) => (
                          <option key={option.value} value={option.value}>
                            {option.label}
                          </option>
                        ))}
                      </select>
                      <SubmitButton tone="secondary">{t("people.changeRole")}</SubmitButton>
                    </Form>
                  )}
                </td>
                <td>
                  <span className={`badge ${person.active ? "badge--ok" : "badge--muted"}`}>
                    {person.active ? t("people.active") : t("people.deactivated")}
                  </span>
                </td>
                <td>
                  {self ? null : (
                    <Form method="post">
                      <input type="hidden" name="intent" value={person.active ? "deactivate" : "reactivate"} />
                      <input type="hidden" name="userId" value={person.id} />
                      <SubmitButton tone={person.active ? "danger" : "secondary"}>
                        {person.active ? t("people.deactivate") : t("people.reactivate")}
                      </SubmitButton>
                    </Form>
                  )}
                </td>
              </tr>
            );
          })}
        </DataTable>
      </Card>
      <div className="grid">
        <Card title={t("people.inviteTitle")} id="invite-title">
          <p className="muted">{t("people.inviteIntro", { days: inviteValidDays })}</p>
          <Form method="post" {...getFormProps(form)} className="stack">
            <input type="hidden" name="intent" value="invite" />
            <Field label={t("form.email")} meta={fields.email} type="email" autoComplete="off" />
            <SelectField label={t("people.role")} meta={fields.role} options={roleOptions} />
            <SubmitButton>{t("people.inviteSubmit")}</SubmitButton>
          </Form>
        </Card>
        <Card title={t("people.pendingInvites")} id="pending-title">
          {invites.length === 0 ? (
            <p className="muted">{t("people.noPendingInvites")}</p>
          ) : (
            <ul className="list">
              {invites.map((invite) => (
                <li key={invite.id} className="list__item">
                  <span>
                    {invite.email} · {t(`role.${invite.role.name}`)} · {t("people.expires")} {clock.dateTime(invite.expiresAt)}
                  </span>
                  <Form method="post">
                    <input type="hidden" name="intent" value="revoke" />
                    <input type="hidden" name="inviteId" value={invite.id} />
                    <SubmitButton tone="secondary">{t("people.revoke")}</SubmitButton>
                  </Form>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}

function InviteLink({ link }: { link: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <div className="copy-field">
      <input readOnly value={link} aria-label={t("people.inviteTitle")} onFocus={(event) => event.currentTarget.select()} />
      <button
        type="button"
        className="btn btn--secondary"
        onClick={() => {
          void navigator.clipboard?.writeText(link).then(() => setCopied(true));
        }}
      >
        {copied ? t("people.copied") : t("people.copy")}
      </button>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
