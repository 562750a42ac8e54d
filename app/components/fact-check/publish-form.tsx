// The form that publishes an article's fact-check for the first time (routes/articles.$articleId.fact-check.tsx):
// the editorial fields and the page's address, which follows the headline until the editor changes it.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { LabelledField, SubmitButton } from "~/components/ui";
import { publishingLimits } from "~/publishing/content";
import { slugify } from "~/publishing/slug";
import { EditorialFields } from "./editorial-fields";

/** The address field of the publish form: it follows the headline (same rule as the server) until the editor edits it. */
function useFollowingSlug(initial: { slug: string; suggested: string }) {
  const [slug, setSlug] = useState(initial.slug);
  const [suggested, setSuggested] = useState(initial.suggested);
  return {
    slug,
    suggested,
    onHeadline(headline: string) {
      if (slug !== suggested) return;
      const next = slugify(headline, publishingLimits.slug - 4);
      setSlug(next);
      setSuggested(next);
    },
    onSlug: setSlug,
  };
}

export function PublishForm({
  action,
  ready,
  busy,
  defaults,
  errors,
}: {
  action: string;
  ready: boolean;
  busy: boolean;
  defaults: { headline: string; summary: string; methodology: string; slug: string; suggestedSlug: string };
  errors: Record<string, string[] | undefined>;
}) {
  const { t } = useTranslation();
  const address = useFollowingSlug({ slug: defaults.slug, suggested: defaults.suggestedSlug });
  return (
    <Form
      method="post"
      action={action}
      className="stack"
      aria-labelledby="publish-title"
      onInput={(event) => {
        const field = event.target as HTMLTextAreaElement;
        if (field.name === "headline") address.onHeadline(field.value);
      }}
    >
      <input type="hidden" name="intent" value="publish" />
      <input type="hidden" name="suggestedSlug" value={address.suggested} />
      <EditorialFields idPrefix="fc" saved={defaults} failed={{}} errors={errors} />
      <LabelledField id="fc-slug" label={t("factCheck.slug")} help={t("factCheck.slugHelp")}>
        <input
          id="fc-slug"
          name="slug"
          maxLength={publishingLimits.slug}
          pattern="[a-z0-9]+(-[a-z0-9]+)*"
          value={address.slug}
          onChange={(event) => address.onSlug(event.target.value)}
          aria-describedby="fc-slug-help"
          aria-invalid={errors.slug?.length ? true : undefined}
        />
        {errors.slug?.length ? <p className="field__error">{errors.slug.map((key) => t(key)).join(" ")}</p> : null}
      </LabelledField>
      <SubmitButton busy={busy} disabled={busy || !ready}>
        {t("factCheckConfirm.publish")}
      </SubmitButton>
    </Form>
  );
}
