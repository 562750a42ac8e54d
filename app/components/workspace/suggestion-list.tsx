import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { CheckedBeforeSlot, type WorkspaceCheckedBefore } from "./checked-before-slot";

export type SuggestionView = { id: string; start: number; end: number; score: number; reasons: string[]; kind: string; text: string };

/** Open suggestions, apart from accepted claims: accept or dismiss each, or accept all above a score; under each, its "Checked before". */
export function SuggestionList({
  suggestions,
  canEdit,
  checkedBefore,
}: {
  suggestions: SuggestionView[];
  canEdit: boolean;
  checkedBefore?: WorkspaceCheckedBefore;
}) {
  const { t, i18n } = useTranslation();
  const score = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  return (
    <section className="panel" aria-labelledby="suggestions-title">
      <h2 id="suggestions-title">
        {t("workspace.suggestions")} <span className="count">{suggestions.length}</span>
      </h2>
      {suggestions.length === 0 ? <p className="muted">{t("workspace.noSuggestions")}</p> : null}
      {canEdit && suggestions.length > 0 ? (
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="acceptAbove" />
          <label htmlFor="accept-min-score">{t("workspace.acceptAbove")}</label>
          <input id="accept-min-score" name="minScore" type="number" min="0" max="1" step="0.05" defaultValue="0.6" className="input--narrow" />
          <button type="submit" className="btn btn--secondary">
            {t("workspace.acceptAboveSubmit")}
          </button>
        </Form>
      ) : null}
      <ol className="suggestions">
        {suggestions.map((suggestion) => (
          <li key={suggestion.id} className="suggestions__item" data-suggestion-id={suggestion.id}>
            <blockquote className="suggestions__text">{suggestion.text}</blockquote>
            <p className="muted small">
              {t("workspace.score", { score: score.format(suggestion.score) })} · {suggestion.reasons.map((r) => t(`reason.${r}`)).join(", ")}
            </p>
            {checkedBefore ? <CheckedBeforeSlot matches={checkedBefore} itemId={suggestion.id} label={t("workspaceCheckedBefore.suggestion")} /> : null}
            {canEdit ? (
              <Form method="post" className="inline-form">
                <input type="hidden" name="suggestionId" value={suggestion.id} />
                <button type="submit" name="intent" value="acceptSuggestion" className="btn btn--secondary">
                  {t("workspace.accept")}
                </button>
                <button type="submit" name="intent" value="dismissSuggestion" className="btn btn--ghost">
                  {t("workspace.dismiss")}
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
