import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect, type ShouldRevalidateFunction, useLoaderData, useSearchParams } from "react-router";
import { z } from "zod";
import { getArticleWorkspace, readableArticle, setArticleLanguage } from "~/articles/articles.server";
import { checkedBeforeInWorkspace } from "~/matching/checked-before.server";
import { requireUserWithPermission } from "~/auth/guards.server";
import { userCan } from "~/auth/permissions";
import {
  acceptSuggestions,
  ClaimConflict,
  createClaim,
  currentClaim,
  deleteClaim,
  dismissSuggestions,
  mergeClaims,
  splitClaim,
  updateClaim,
  claimantKinds,
} from "~/claims/claims.server";
import { parseLoaded } from "~/claims/merge";
import { splitPoints, wordingHardLimit } from "~/claims/spans";
import { publishChange } from "~/live/bus.server";
import { useNewsroomClock } from "~/components/clock";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useKeptActionData } from "~/components/kept-action-data";
import { useLiveRevalidation } from "~/components/live";
import { topic } from "~/live/topics";
import { FormNoticeAlert, PageHeader } from "~/components/ui";
import { ArticleText, type TextMark } from "~/components/workspace/article-text";
import { ClaimEditor, type ClaimDraft } from "~/components/workspace/claim-editor";
import { ClaimList } from "~/components/workspace/claim-list";
import { SuggestionList } from "~/components/workspace/suggestion-list";
import type { Route } from "./+types/articles.$articleId";
import { readForm } from "~/utils/form.server";
import { countField, idField, versionField } from "~/utils/input";
import { Refusal } from "~/utils/refusal";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const viewer = await requireUserWithPermission({ request, context }, "read:article:own");
  const article = await getArticleWorkspace(viewer, params.articleId);
  if (!article) throw data(null, { status: 404 });
  const activeId = new URL(request.url).searchParams.get("claim");
  const active = article.claims.find((claim) => claim.id === activeId) ?? null;
  // Not awaited: the text and the claims render first, "Checked before" streams in under them when ready. Those
  // lists are an aid; if they cannot be read, the workspace shows without them.
  const checkedBefore = checkedBeforeInWorkspace(article).catch((error: unknown) => {
    console.error(`Checked before (article ${article.id}): ${(error as Error).message}`);
    return {};
  });
  return {
    article: { ...article, body: article.body },
    canEdit: userCan(viewer, "update:claim:any"),
    canPublish: userCan(viewer, "publish:factcheck:any"),
    activeSplitPoints: active ? splitPoints(article.body, active) : [],
    checkedBefore,
  };
}

const id = idField;
const version = versionField;
const optionalText = (max: number) => z.string().trim().max(max).optional().transform((value) => value || null);

const WorkspaceAction = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("createClaim"), start: countField, end: countField }),
  z.object({ intent: z.literal("acceptSuggestion"), suggestionId: id }),
  z.object({ intent: z.literal("dismissSuggestion"), suggestionId: id }),
  z.object({ intent: z.literal("acceptAbove"), minScore: z.coerce.number().min(0).max(1) }),
  z.object({
    intent: z.literal("updateClaim"),
    claimId: id,
    version,
    wording: z.string().trim().min(1).max(wordingHardLimit),
    claimant: optionalText(300),
    claimantKind: z.enum(claimantKinds).optional().or(z.literal("").transform(() => undefined)),
    claimDate: z.iso.date().optional().or(z.literal("").transform(() => undefined)),
    appearance: optionalText(2000),
    // The values the form showed when the editor began (JSON), so only what they changed is saved.
    loaded: z.string().max(20_000).optional(),
  }),
  z.object({ intent: z.literal("splitClaim"), claimId: id, version, at: countField }),
  z.object({
    intent: z.literal("mergeClaims"),
    claimId: z
      .array(z.string().regex(/^[0-9a-f-]{36}:\d+$/))
      .min(2)
      .transform((values) => values.map((value) => ({ id: value.slice(0, 36), version: value.slice(37) as unknown })))
      .pipe(z.array(z.object({ id, version }))),
  }),
  z.object({ intent: z.literal("deleteClaim"), claimId: id, version }),
  z.object({ intent: z.literal("setLanguage"), language: z.enum(["id", "en", "und"]) }),
]);

type Notice = { tone: "success" | "error"; key: string; count?: number };
/** A refused save: what the editor typed, and which fields someone else changed meanwhile (and who, if known). */
export type ClaimConflictData = { claimId: string; draft: ClaimDraft; fields: string[]; by: string | null };
type ActionData = { notice?: Notice; conflict?: ClaimConflictData };

export async function action({ request, params, context }: Route.ActionArgs) {
  const editor = await requireUserWithPermission({ request, context }, "update:claim:any");
  // The action needs only to know the article exists for this editor, not its text and claims.
  const article = await readableArticle(editor, params.articleId);
  if (!article) throw data(null, { status: 404 });
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: WorkspaceAction });
  if (submission.status !== "success") {
    const intent = formData.get("intent");
    const key = intent === "mergeClaims" ? "workspace.mergeNeedsTwo" : intent === "createClaim" ? "workspace.spanInvalid" : "error.400";
    return data<ActionData>({ notice: { tone: "error", key } }, { status: 400 });
  }
  const value = submission.value;
  const here = (claimId?: string) => redirect(claimId ? `/articles/${article.id}?claim=${claimId}` : `/articles/${article.id}`);
  const perform = async () => {
    try {
      switch (value.intent) {
        case "createClaim":
          return here((await createClaim(editor, article.id, value)).id);
        case "acceptSuggestion":
          await acceptSuggestions(editor, article.id, { ids: [value.suggestionId] });
          return here();
        case "dismissSuggestion":
          await dismissSuggestions(editor, article.id, [value.suggestionId]);
          return here();
        case "acceptAbove": {
          const count = await acceptSuggestions(editor, article.id, { minScore: value.minScore });
          return data<ActionData>({ notice: { tone: "success", key: "workspace.accepted", count } });
        }
        case "updateClaim": {
          const edit = { wording: value.wording, claimant: value.claimant, claimantKind: value.claimantKind ?? null, appearance: value.appearance, claimDate: value.claimDate ? new Date(value.claimDate) : null };
          try {
            await updateClaim(editor, article.id, value.claimId, value.version, edit, parseLoaded(value.loaded));
          } catch (error) {
            if (!(error instanceof ClaimConflict) || !error.detail) throw error;
            const draft = { wording: value.wording, claimant: value.claimant ?? "", claimantKind: value.claimantKind ?? "", claimDate: value.claimDate ?? "", appearance: value.appearance ?? "" };
            const conflict = { claimId: value.claimId, draft, fields: error.detail.fields, by: error.detail.by?.name ?? null };
            return data<ActionData>({ conflict }, { status: 409 });
          }
          return here(value.claimId);
        }
        case "splitClaim":
          return here((await splitClaim(editor, article.id, value.claimId, value.version, value.at))[0]);
        case "mergeClaims":
          return here(await mergeClaims(editor, article.id, value.claimId));
        case "deleteClaim":
          await deleteClaim(editor, article.id, value.claimId, value.version);
          return data<ActionData>({ notice: { tone: "success", key: "workspace.deleted" } });
        case "setLanguage":
          await setArticleLanguage(editor, article.id, value.language);
          return here();
      }
    } catch (error) {
      if (error instanceof ClaimConflict) {
        const still = await currentClaim(error.claimId);
        return data<ActionData>({ notice: { tone: "error", key: still ? error.messageKey : "error.404" } }, { status: error.status });
      }
      // A span out of place, a merge with itself, a claim of another article (404), a settled claim (409).
      if (error instanceof Refusal) return data<ActionData>({ notice: { tone: "error", key: error.messageKey } }, { status: error.status });
      throw error;
    }
  };
  const outcome = await perform();
  // A change made: everyone with this article open (the workspace, the board) reloads its data, and so does
  // everyone with one of the claims' pages open (it shows the wording and the claimant). A refusal changed
  // nothing, and a reload would take its message from under the editor reading it.
  if ((outcome instanceof Response ? outcome.status : (outcome.init?.status ?? 200)) < 400) {
    const claimIds = "claimId" in value ? (Array.isArray(value.claimId) ? value.claimId.map((claim) => claim.id) : [value.claimId]) : [];
    await publishChange([topic.article(article.id), ...claimIds.map(topic.claim)], "claims");
  }
  return outcome;
}

// A refused save (409) must still show what the claim is now, so reload the page data after it too.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 || defaultShouldRevalidate;

export default function ArticleWorkspace() {
  const { t, i18n } = useTranslation();
  const clock = useNewsroomClock();
  const { article, canEdit, canPublish, activeSplitPoints, checkedBefore } = useLoaderData<typeof loader>();
  // Kept through live reloads: a refused save's message (and what the editor typed) must not vanish because
  // someone else's change to the article arrived meanwhile.
  const actionData = useKeptActionData<typeof action>();
  const [params] = useSearchParams();
  useLiveRevalidation([topic.article(article.id)]);
  const conflict = actionData?.conflict ?? null;
  const conflictId = conflict?.claimId ?? null;
  const activeId = conflictId ?? params.get("claim");
  const active = article.claims.find((claim) => claim.id === activeId) ?? null;
  const marks: TextMark[] = [
    ...article.suggestions.map((s) => ({ id: s.id, start: s.start, end: s.end, kind: "suggestion" as const })),
    ...article.claims.map((c) => ({ id: c.id, start: c.start, end: c.end, kind: "claim" as const, active: c.id === activeId })),
  ];
  // An article's date is a calendar date (stored as UTC midnight), the same day everywhere — as on the public page.
  const published = article.publishedAt ? clock.calendarDate(article.publishedAt) : null;
  return (
    <>
      <PageHeader title={article.title} intro={[article.outlet, article.author, published].filter(Boolean).join(" · ") || undefined}>
        {canEdit ? (
          <Link className="btn btn--secondary" to={`/articles/${article.id}/board`}>
            {t("board.open")}
          </Link>
        ) : null}
        {canPublish ? (
          <Link className="btn btn--ghost" to={`/articles/${article.id}/fact-check`}>
            {t("factCheck.nav")}
          </Link>
        ) : null}
        {article.originalUrl ? (
          <a className="btn btn--ghost" href={article.originalUrl} rel="noopener noreferrer nofollow" target="_blank">
            {t("workspace.original")}
          </a>
        ) : null}
      </PageHeader>
      <FormNoticeAlert notice={actionData?.notice} />
      {!canEdit ? <p className="muted">{t("workspace.readOnly")}</p> : null}
      <div className="workspace">
        <div className="workspace__text">
          {canEdit ? (
            <Form method="post" className="inline-form workspace__language">
              <input type="hidden" name="intent" value="setLanguage" />
              <label htmlFor="article-language">{t("workspace.language")}</label>
              <select id="article-language" name="language" defaultValue={article.language}>
                {(["id", "en", "und"] as const).map((language) => (
                  <option key={language} value={language}>
                    {t(`articleLanguage.${language}`)}
                  </option>
                ))}
              </select>
              <button type="submit" className="btn btn--ghost">
                {t("workspace.languageSave")}
              </button>
            </Form>
          ) : null}
          <ArticleText body={article.body} marks={marks} canCreate={canEdit} />
        </div>
        <div className="workspace__side">
          <ClaimList claims={article.claims} activeId={activeId} canEdit={canEdit} checkedBefore={checkedBefore} />
          {active && canEdit ? (
            // Keyed by the claim: switching claims mounts a fresh editor, so no typed text or state of one
            // claim can be saved onto another. The same claim reloaded (a save, a live change) stays mounted.
            <ClaimEditor
              key={active.id}
              claim={{ ...active, claimDate: active.claimDate ? new Date(active.claimDate).toISOString() : null }}
              draft={conflict?.claimId === active.id ? conflict.draft : undefined}
              conflict={conflict?.claimId === active.id ? conflict : null}
              splitPoints={activeSplitPoints}
            />
          ) : null}
          <SuggestionList
            suggestions={article.suggestions.map((s) => ({ ...s, text: article.body.slice(s.start, s.end) }))}
            canEdit={canEdit}
            checkedBefore={checkedBefore}
          />
        </div>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
