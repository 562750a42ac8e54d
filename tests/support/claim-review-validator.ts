// The ClaimReview schema validator, set up exactly as app/publishing/claim-review.test.ts sets it up:
// ajv 2020 in strict mode with formats, plus the custom keyword the schema needs (x-ratingWithinScale).
import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import schema from "../../app/publishing/claim-review.schema.json";

function makeValidator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  // JSON Schema cannot compare two properties: worstRating <= ratingValue <= bestRating, worst < best.
  ajv.addKeyword({
    keyword: "x-ratingWithinScale",
    type: "object",
    schemaType: "boolean",
    errors: false,
    validate: (enabled: boolean, data: Record<string, unknown>) => {
      if (!enabled) return true;
      const { ratingValue, bestRating, worstRating } = data;
      if (typeof ratingValue !== "number" || typeof bestRating !== "number" || typeof worstRating !== "number") {
        return true; // the type keywords report these
      }
      return worstRating < bestRating && worstRating <= ratingValue && ratingValue <= bestRating;
    },
  });
  return ajv.compile(schema);
}

const validate = makeValidator();

/** The schema's complaints about `value` ([] when it is a valid ClaimReview). */
export function claimReviewErrors(value: unknown): ErrorObject[] {
  return validate(value) ? [] : [...(validate.errors ?? [])];
}
