// The one shape of a form action's answer when it does not redirect (docs/decisions/0017): conform's reply
// (`submission.reply()`: what was typed, field errors, and form errors such as a refusal's message), and a
// notice the page shows above the form (a success, with its count when it has one), and, when a save was refused
// because someone else changed the claim meanwhile, what they changed and who; `values` fill the placeholders of
// a refusal's message (an import's "at most {{limitMb}} MB"); `confirm`, on a page whose actions ask first (the
// fact-check page), is the confirmation step: what the action will do, in the page's own type, and the fields the
// final button sends again.
import type { SubmissionResult } from "@conform-to/react";

export type FormNotice = { tone: "success" | "error"; key: string; count?: number };
/** What someone else changed since the page was loaded (field names, `editConflict.field.*`), and who, when known. */
export type EditConflict = { fields: string[]; by: string | null };
/** A confirmation step: what will happen (`step`, typed by the page) and the fields to send again with it. */
export type FormConfirm<Step> = { step: Step; fields: Record<string, string> };
export type FormAnswer<Step = never> = {
  result: SubmissionResult<string[]>;
  notice?: FormNotice | null;
  conflict?: EditConflict;
  values?: Record<string, string | number>;
  confirm?: FormConfirm<Step>;
};
