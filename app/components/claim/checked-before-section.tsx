// The claim page's "Checked before" section: the known fact-checks the claim may repeat (CheckedBeforeList),
// each with a Link form for those who may add sources to the claim (it becomes a FACT_CHECK source, posted to
// /claims/:claimId/sources, intent "link"); and, for an editor on an open claim, a form per linked check to
// settle the claim from it (posted to /claims/:claimId/verdicts, intent "settleFromCheckedBefore"): a rating of
// our scale, preselected when the earlier rating names one, and a rationale citing the earlier check.
import { getFormProps } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { useFetcher } from "react-router";
import { type CheckedBeforeItem, CheckedBeforeList } from "~/components/checked-before";
import { useNewsroomClock } from "~/components/clock";
import { useSchemaForm } from "~/components/schema-form";
import { Alert, SelectField, SubmitButton, TextareaField } from "~/components/ui";
import type { ScaleLabel } from "~/rating-scale/rating-scale.server";
import { SettleFromCheckedBefore } from "~/review/verdict-form";
import { sourceStances } from "~/sources/source-form";
import type { FormAnswer } from "~/utils/form-answer";
import type { LinkedCheck } from "~/matching/link.server";

type DateLike = Date | string;

/** A linked check as it reaches the browser (its date may arrive as a string). */
export type LinkedCheckItem = Omit<LinkedCheck, "datePublished"> & { datePublished: DateLike };

export type CheckedBeforeSectionProps = {
  claimId: string;
  claimVersion: number;
  /** The verdicts the page shows (verdictBasis), sent with the settle form like every verdict form. */
  seen: string;
  matches: CheckedBeforeItem[];
  linked: LinkedCheckItem[];
  linkedIds: string[];
  mayLink: boolean;
  maySettle: boolean;
  drafts: { sourceId: string; ratingId: string; rationale: string }[];
  scale: ScaleLabel[];
};

/** A refusal's messages (catalog keys): its form errors, else its fields' errors. */
function refusalKeys(answer: FormAnswer | undefined): string[] {
  const errors = answer?.result.error ?? {};
  return errors[""]?.length ? errors[""] : Object.values(errors).flatMap((keys) => keys ?? []);
}

function LinkForm({ claimId, knownFactCheckId }: { claimId: string; knownFactCheckId: string }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<FormAnswer>({ key: `checked-before-link:${claimId}:${knownFactCheckId}` });
  const refused = fetcher.state === "idle" ? refusalKeys(fetcher.data) : [];
  const stanceId = `link-stance-${knownFactCheckId}`;
  return (
    <fetcher.Form method="post" action={`/claims/${claimId}/sources`} className="inline-form checked-before__link-form">
      <input type="hidden" name="intent" value="link" />
      <input type="hidden" name="knownFactCheckId" value={knownFactCheckId} />
      <label htmlFor={stanceId} className="visually-hidden">
        {t("checkedBefore.stance")}
      </label>
      <select id={stanceId} name="stance" defaultValue="CONTEXT">
        {sourceStances.map((stance) => (
          <option key={stance} value={stance}>
            {t(`sources.stance.${stance}`)}
          </option>
        ))}
      </select>{" "}
      <button type="submit" className="btn btn--secondary" disabled={fetcher.state !== "idle"}>
        {t("checkedBefore.link")}
      </button>
      {refused.length ? <span className="field__error">{refused.map((key) => t(key)).join(" ")}</span> : null}
    </fetcher.Form>
  );
}

function SettleForm({ claimId, claimVersion, seen, check, draft, scale }: {
  claimId: string;
  claimVersion: number;
  seen: string;
  check: LinkedCheckItem;
  draft: { ratingId: string; rationale: string };
  scale: ScaleLabel[];
}) {
  const { t, i18n } = useTranslation();
  const clock = useNewsroomClock();
  const fetcher = useFetcher<FormAnswer>({ key: `checked-before-settle:${claimId}:${check.sourceId}` });
  const [form, fields] = useSchemaForm(SettleFromCheckedBefore, {
    id: `checked-before-settle-${check.sourceId}`,
    lastResult: fetcher.state === "idle" ? fetcher.data?.result : undefined,
    defaultValue: { ratingId: draft.ratingId, rationale: draft.rationale },
  });
  const refused = fetcher.state === "idle" ? (fetcher.data?.result.error?.[""] ?? []) : [];
  const options = scale.map((label) => ({ value: label.id, label: i18n.language === "id" ? label.labelId : label.labelEn }));
  return (
    <details className="checked-before__settle">
      <summary>
        {t("checkedBefore.settleOpen", { publisher: check.publisher, rating: check.rating, date: clock.calendarDate(check.datePublished) })}
      </summary>
      <fetcher.Form method="post" action={`/claims/${claimId}/verdicts`} {...getFormProps(form)} className="stack">
        <input type="hidden" name="intent" value="settleFromCheckedBefore" />
        <input type="hidden" name="claimVersion" value={claimVersion} />
        <input type="hidden" name="seen" value={seen} />
        <input type="hidden" name="sourceId" value={check.sourceId} />
        <p className="field__help">{t("checkedBefore.settleHelp")}</p>
        {refused.length ? (
          <Alert tone="error">
            <p>{refused.map((key) => t(key)).join(" ")}</p>
          </Alert>
        ) : null}
        <SelectField label={t("verdict.rating")} meta={fields.ratingId} options={options} placeholder={t("verdict.chooseRating")} />
        <TextareaField label={t("verdict.rationale")} meta={fields.rationale} rows={4} />
        <div>
          <SubmitButton busy={fetcher.state !== "idle"}>{t("checkedBefore.settleSubmit")}</SubmitButton>
        </div>
      </fetcher.Form>
    </details>
  );
}

export function CheckedBeforeSection(props: CheckedBeforeSectionProps) {
  const { t } = useTranslation();
  const { claimId, matches, linked, linkedIds, mayLink, maySettle, drafts } = props;
  const linkedSet = new Set(linkedIds);
  const draftOf = new Map(drafts.map((draft) => [draft.sourceId, draft]));
  return (
    <section className="panel checked-before-section" id="checked-before" aria-labelledby="checked-before-title">
      <h2 id="checked-before-title">{t("checkedBefore.title")}</h2>
      {matches.length === 0 ? <p className="muted">{t("checkedBefore.none")}</p> : null}
      <CheckedBeforeList
        matches={matches}
        showTitle={false}
        actionFor={(match) =>
          linkedSet.has(match.id) ? (
            <span className="badge badge--ok">{t("checkedBefore.linked")}</span>
          ) : mayLink ? (
            <LinkForm claimId={claimId} knownFactCheckId={match.id} />
          ) : null
        }
      />
      {maySettle && linked.length ? (
        <div className="stack">
          <h3>{t("checkedBefore.settleTitle")}</h3>
          {linked.map((check) => {
            const draft = draftOf.get(check.sourceId);
            return draft ? (
              <SettleForm key={check.sourceId} claimId={claimId} claimVersion={props.claimVersion} seen={props.seen} check={check} draft={draft} scale={props.scale} />
            ) : null;
          })}
        </div>
      ) : null}
    </section>
  );
}
