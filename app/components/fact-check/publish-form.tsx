// The form that publishes an article's fact-check for the first time (routes/articles.$articleId.fact-check.tsx):
// the editorial fields and the page's address, which follows the headline until the editor changes it.
import { getFormProps, getInputProps, type SubmissionResult } from "@conform-to/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { useSchemaForm } from "~/components/schema-form";
import { FieldErrors, LabelledField, SubmitButton } from "~/components/ui";
import { publishingLimits } from "~/publishing/content";
import { PublishFactCheck } from "~/publishing/forms";
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
  lastResult,
}: {
  action: string;
  ready: boolean;
  busy: boolean;
  defaults: { headline: string; summary: string; methodology: string; slug: string; suggestedSlug: string };
  /** The action's answer, when it is to this form. */
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation();
  const address = useFollowingSlug({ slug: defaults.slug, suggested: defaults.suggestedSlug });
  const [form, fields] = useSchemaForm(PublishFactCheck, { id: "fc-publish", lastResult, defaultValue: defaults });
  // The address is the form's own state (it follows the headline), so its value is not conform's default.
  const { defaultValue: _typed, ...slugProps } = getInputProps(fields.slug, { type: "text" });
  return (
    <Form
      method="post"
      action={action}
      {...getFormProps(form)}
      className="stack"
      aria-labelledby="publish-title"
      onInput={(event) => {
        const field = event.target as HTMLTextAreaElement;
        if (field.name === "headline") address.onHeadline(field.value);
      }}
    >
      <input type="hidden" name="intent" value="publish" />
      <input type="hidden" name="suggestedSlug" value={address.suggested} />
      <EditorialFields idPrefix="fc" fields={fields} />
      <LabelledField id="fc-slug" label={t("factCheck.slug")} help={t("factCheck.slugHelp")}>
        <input
          {...slugProps}
          id="fc-slug"
          pattern="[a-z0-9]+(-[a-z0-9]+)*"
          value={address.slug}
          onChange={(event) => address.onSlug(event.target.value)}
          aria-describedby={fields.slug.errors?.length ? `${fields.slug.errorId} fc-slug-help` : "fc-slug-help"}
        />
        <FieldErrors id={fields.slug.errorId} errors={fields.slug.errors} />
      </LabelledField>
      <SubmitButton busy={busy} disabled={busy || !ready}>
        {t("factCheckConfirm.publish")}
      </SubmitButton>
    </Form>
  );
}
