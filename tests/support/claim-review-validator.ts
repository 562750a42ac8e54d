// Validates ClaimReview JSON-LD against app/publishing/claim-review.schema.json (written from schema.org
// and the domain rules). JSON Schema cannot compare two properties, so worstRating <= ratingValue <=
// bestRating (and worst < best) is the custom keyword `x-ratingWithinScale`.
import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import schema from "~/publishing/claim-review.schema.json";

function makeValidator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
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

/** The schema's complaints about one ClaimReview ([] when it is valid). */
export function claimReviewErrors(value: unknown): ErrorObject[] {
  return validate(value) ? [] : [...(validate.errors ?? [])];
}
