// The one way actions read a request body: a form (URL-encoded or multipart) within size and field limits, with
// no control characters in any value. Anything else is the client's fault and answers a 4xx with a catalog key
// (`badInput.*`, shown by GeneralErrorBoundary in the reader's language), before anything is read or written.
// And the one way they answer a refusal: `refusalReply`, conform's reply with the refusal's message and status;
// and a confirmation step: `confirmReply`.
import {
  FormDataParseError,
  MaxFileSizeExceededError,
  MaxFilesExceededError,
  MaxHeaderSizeExceededError,
  MaxPartsExceededError,
  MaxTotalSizeExceededError,
  MultipartParseError,
  parseFormData,
} from "@remix-run/form-data-parser";
import type { SubmissionResult } from "@conform-to/react";
import { data } from "react-router";
import type { EditConflict, FormAnswer, FormConfirm } from "./form-answer";
import { hasControlCharacters } from "./input";
import type { Refusal } from "./refusal";

export type BadInputKey =
  | "badInput.controlCharacters"
  | "badInput.unsupportedType"
  | "badInput.malformedForm"
  | "badInput.tooLarge"
  | "badInput.tooManyFields"
  | "badInput.invalidValue";

/** What a refused request carries: GeneralErrorBoundary shows the message of `badInput`. */
export type BadInputData = { badInput: BadInputKey };

/** A 4xx response for bad input, to throw from a loader, an action or middleware. */
export function badInput(key: BadInputKey, status: 400 | 404 | 413 | 415 = 400) {
  return data<BadInputData>({ badInput: key }, { status });
}

/** Every form on the desk fits in 1 MiB and 1,000 fields; the article import raises the size for its upload. */
export const formLimits = { maxBytes: 1024 * 1024, maxFields: 1000 };

export type FormOptions = {
  maxBytes?: number;
  maxFileSize?: number;
  maxFiles?: number;
  /** What to throw past the size limits instead of the 413 (the article import says it in its own form). */
  tooLarge?: () => unknown;
};

function formKind(contentType: string | null): "urlencoded" | "multipart" | null {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "application/x-www-form-urlencoded") return "urlencoded";
  if (type === "multipart/form-data" && /;\s*boundary=/i.test(contentType ?? "")) return "multipart";
  return null;
}

class BodyTooLarge extends Error {}

/** The request's body as text, refusing it as soon as it grows past `maxBytes`. */
async function boundedText(request: Request, maxBytes: number) {
  if (!request.body) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

function tooLarge(error: unknown) {
  return (
    error instanceof MaxFileSizeExceededError ||
    error instanceof MaxTotalSizeExceededError ||
    error instanceof MaxFilesExceededError ||
    error instanceof MaxHeaderSizeExceededError
  );
}

/**
 * The request's form. Throws (as a response) 415 for a body that is not a form (JSON, text, multipart without a
 * boundary), 413 past the limits, 400 for a broken body or a control character (NUL included) in any value.
 */
export async function readForm(request: Request, options: FormOptions = {}): Promise<FormData> {
  const kind = formKind(request.headers.get("Content-Type"));
  if (!kind) throw badInput("badInput.unsupportedType", 415);
  const maxBytes = options.maxBytes ?? formLimits.maxBytes;
  const refuseSize = () => options.tooLarge?.() ?? badInput("badInput.tooLarge", 413);
  // More fields than any of our forms has is not "too large" (the import would say "at most 5 MB"): its own answer.
  const refuseFields = () => badInput("badInput.tooManyFields", 413);
  if (Number(request.headers.get("Content-Length") ?? 0) > maxBytes) throw refuseSize();
  let form: FormData;
  try {
    if (kind === "urlencoded") {
      const fields = new URLSearchParams(await boundedText(request, maxBytes));
      form = new FormData();
      for (const [name, value] of fields) form.append(name, value);
    } else {
      form = await parseFormData(request, {
        maxFiles: options.maxFiles ?? 0,
        maxFileSize: options.maxFileSize ?? maxBytes,
        maxTotalSize: maxBytes,
        maxParts: formLimits.maxFields,
      });
    }
  } catch (error) {
    if (error instanceof MaxPartsExceededError) throw refuseFields();
    if (error instanceof BodyTooLarge || tooLarge(error)) throw refuseSize();
    if (error instanceof FormDataParseError || error instanceof MultipartParseError || error instanceof TypeError)
      throw badInput("badInput.malformedForm", 400);
    throw error;
  }
  let count = 0;
  for (const [name, value] of form) {
    if (++count > formLimits.maxFields) throw refuseFields();
    const text = typeof value === "string" ? value : value.name;
    if (hasControlCharacters(name) || hasControlCharacters(text)) throw badInput("badInput.controlCharacters", 400);
  }
  return form;
}

/** What an action's submission can reply with (conform's `parseWithZod` result). */
type Replying = { reply(options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]>; hideFields?: string[] }): SubmissionResult<string[]> };

/** A submission that did not pass its schema: the reply (field errors, what was typed) with status 400. */
export function invalidReply(submission: Replying, options: { hideFields?: string[] } = {}) {
  return data<FormAnswer>({ result: submission.reply(options) }, { status: 400 });
}

/**
 * A refusal as the action's answer: the submission's reply (what was typed comes back) with the refusal's
 * message as a form error — or as the error of `field`, when the refusal is about one field — the values of its
 * placeholders, and its status.
 * `messageKey` names the refusal where the page says it in its own words (the board's "not possible now");
 * `conflict` says what someone else changed meanwhile, for a refusal because the claim moved on.
 * `above`, with `field`: the message is a form error too (a page that says every refusal above its forms).
 */
export function refusalReply(
  submission: Replying,
  refusal: Refusal,
  options: { field?: string; messageKey?: string; conflict?: EditConflict; above?: boolean } = {},
) {
  const message = [options.messageKey ?? refusal.messageKey];
  const reply = options.field
    ? submission.reply({ fieldErrors: { [options.field]: message }, ...(options.above ? { formErrors: message } : {}) })
    : submission.reply({ formErrors: message });
  const answer: FormAnswer = { result: reply };
  if (options.conflict) answer.conflict = options.conflict;
  if (refusal.values) answer.values = refusal.values;
  return data<FormAnswer>(answer, { status: refusal.status });
}

/**
 * A confirmation step as the action's answer (200): the submission's reply, with `shown` replacing what the form
 * shows of what was typed (the address publication will use), and what will happen with the fields to send again.
 */
export function confirmReply<Step>(submission: Replying, confirm: FormConfirm<Step>, shown: Record<string, string> = {}) {
  const result = submission.reply();
  return data<FormAnswer<Step>>({ result: { ...result, initialValue: { ...result.initialValue, ...shown } }, confirm });
}
