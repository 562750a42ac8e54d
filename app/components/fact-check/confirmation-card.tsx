// The fact-check page's confirmation step (routes/articles.$articleId.fact-check.tsx): what publishing,
// correcting or withdrawing will do, the final button (confirmed=yes), a preview of the page readers will
// get, and the way back to the form.
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { SubmitButton } from "~/components/ui";
import { claimLabel, type PublishedRating } from "~/publishing/content";
import type { Confirmation, FormFields } from "~/publishing/forms";
import type { FormConfirm } from "~/utils/form-answer";

/** The confirmation step: what will happen, the final button, a preview of the page, and the way back to the form. */
export function ConfirmationCard({
  confirm,
  action,
  busy,
  headline,
  currentVersion,
}: {
  /** The action's confirmation step (`FormAnswer.confirm`). */
  confirm: FormConfirm<Confirmation>;
  action: string;
  busy: boolean;
  headline: string;
  currentVersion: number | null;
}) {
  const { t, i18n } = useTranslation();
  const { step: confirmation, fields } = confirm;
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus moves to the question, so a keyboard or screen reader user hears what they are about to confirm.
  useEffect(() => heading.current?.focus(), [confirmation]);
  const labelText = (rating: PublishedRating | null) => (rating ? (i18n.language === "id" ? rating.labelId : rating.labelEn) : "—");
  const hidden = (sent: FormFields) =>
    Object.entries(sent).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
  const preview = confirmation.intent !== "withdraw";
  const [title, now, editing] =
    confirmation.intent === "publish"
      ? ["factCheckConfirm.publishTitle", "factCheckConfirm.publishNow", "#fc-headline"]
      : confirmation.intent === "correct"
        ? confirmation.republishing
          ? ["factCheckConfirm.republishTitle", "factCheckConfirm.republishNow", "#fc-note"]
          : ["factCheckConfirm.correctTitle", "factCheckConfirm.correctNow", "#fc-note"]
        : ["factCheckConfirm.withdrawTitle", "factCheckConfirm.withdrawNow", "#fc-reason"];
  return (
    <section className="card confirmation" aria-labelledby="confirm-title">
      <h2 id="confirm-title" ref={heading} tabIndex={-1}>
        {t(title)}
      </h2>
      {confirmation.intent === "publish" ? (
        <>
          <p>{t("factCheckConfirm.publishText", { headline: confirmation.headline, path: confirmation.path })}</p>
          <p>{t("factCheckConfirm.claimsShown", { rated: confirmation.rated, notCheckable: confirmation.notCheckable })}</p>
        </>
      ) : confirmation.intent === "correct" ? (
        <>
          <p>
            {confirmation.republishing
              ? t("factCheckConfirm.republishText", {
                  headline: confirmation.headline,
                  path: confirmation.path,
                  version: confirmation.version,
                  note: confirmation.note,
                })
              : t("factCheckConfirm.correctText", {
                  headline: confirmation.headline,
                  path: confirmation.path,
                  version: confirmation.version,
                  note: confirmation.note,
                  previous: currentVersion,
                  previousPath: `${confirmation.path}/v/${currentVersion}`,
                })}
          </p>
          {confirmation.changes.length ? (
            <>
              <p>{t("factCheckConfirm.verdictChanges")}</p>
              <ul>
                {confirmation.changes.map((change) => (
                  <li key={change.anchor}>
                    {t("factCheckConfirm.verdictChange", {
                      claim: claimLabel(t, change),
                      from: labelText(change.from),
                      to: labelText(change.to),
                    })}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t("factCheckConfirm.noVerdictChanges")}</p>
          )}
        </>
      ) : (
        <p>{t("factCheckConfirm.withdrawText", { headline, path: confirmation.path, reason: confirmation.reason })}</p>
      )}
      <Form method="post" action={action} className="inline-form">
        {hidden(fields)}
        <input type="hidden" name="confirmed" value="yes" />
        <SubmitButton busy={busy} tone={confirmation.intent === "withdraw" ? "danger" : "primary"}>
          {t(now)}
        </SubmitButton>
        {preview ? (
          <button type="submit" form="fc-preview" className="btn btn--secondary">
            {t("factCheckConfirm.preview")}
          </button>
        ) : null}
        <a className="btn btn--ghost" href={editing}>
          {t("factCheckConfirm.keepEditing")}
        </a>
      </Form>
      {preview ? (
        // A plain form: the preview is a whole page of its own (the public page's, with its own policy), in a new tab.
        <form id="fc-preview" method="post" action={`${action}/preview`} target="_blank" hidden>
          {hidden(fields)}
        </form>
      ) : null}
    </section>
  );
}
