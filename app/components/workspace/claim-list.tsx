import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import { CheckedBeforeSlot, type WorkspaceCheckedBefore } from "./checked-before-slot";

export type ClaimSummary = { id: string; wording: string; quote: string; status: string; version: number };

/** Claims in text order; arrow keys move between them; checkboxes choose claims to merge; under each, its "Checked before". */
export function ClaimList({
  claims,
  activeId,
  canEdit,
  checkedBefore,
}: {
  claims: ClaimSummary[];
  activeId: string | null;
  canEdit: boolean;
  checkedBefore?: WorkspaceCheckedBefore;
}) {
  const { t } = useTranslation();
  const move = (event: React.KeyboardEvent<HTMLAnchorElement>) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    const links = [...(event.currentTarget.closest("ol")?.querySelectorAll<HTMLAnchorElement>("a.claims__link") ?? [])];
    const index = links.indexOf(event.currentTarget);
    links[event.key === "ArrowDown" ? Math.min(index + 1, links.length - 1) : Math.max(index - 1, 0)]?.focus();
  };
  return (
    <section className="panel" aria-labelledby="claims-title">
      <h2 id="claims-title">
        {t("workspace.claims")} <span className="count">{claims.length}</span>
      </h2>
      {claims.length === 0 ? <p className="muted">{t("workspace.noClaims")}</p> : <p className="visually-hidden">{t("workspace.claimNav")}</p>}
      <ol className="claims">
        {claims.map((claim) => (
          <li key={claim.id} className={`claims__item${claim.id === activeId ? " claims__item--active" : ""}`}>
            {canEdit ? (
              <input
                type="checkbox"
                form="merge-claims"
                name="claimId"
                value={`${claim.id}:${claim.version}`}
                aria-label={`${t("workspace.mergeSelect")}: ${claim.wording}`}
              />
            ) : null}
            <div className="claims__body">
              <Link
                className="claims__link"
                to={`?claim=${claim.id}`}
                preventScrollReset
                aria-current={claim.id === activeId ? "true" : undefined}
                onKeyDown={move}
              >
                <span className="claims__wording">{claim.wording}</span>
                <span className="badge badge--muted">{t(`claimStatus.${claim.status}`)}</span>
              </Link>
              {checkedBefore ? <CheckedBeforeSlot matches={checkedBefore} itemId={claim.id} label={t("workspaceCheckedBefore.claim")} /> : null}
            </div>
          </li>
        ))}
      </ol>
      {canEdit && claims.length > 1 ? (
        <Form method="post" id="merge-claims">
          <input type="hidden" name="intent" value="mergeClaims" />
          <button type="submit" className="btn btn--secondary">
            {t("workspace.mergeSubmit")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
