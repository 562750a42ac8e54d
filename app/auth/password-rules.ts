import { z } from "zod";

// Password rules, shared by the forms (browser validation) and the server.
export const passwordRules = { minLength: 10, maxLength: 256 } as const;

export const passwordSchema = z
  .string({ error: "form.required" })
  .min(passwordRules.minLength, "form.passwordTooShort")
  .max(passwordRules.maxLength, "form.passwordTooLong");

export const emailSchema = z
  .string({ error: "form.required" })
  .trim()
  .max(254, "form.tooLong")
  .pipe(z.email("form.emailInvalid"));
