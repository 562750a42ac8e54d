// The email and password a person signs in with, on the login page (their current password) and when the
// first admin is set up (a new one), so password managers fill and save them the same way on both.
import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { Field } from "~/components/ui";

export function SignInFields<Email, Password>({ email, password, passwordAutoComplete }: {
  email: FieldMetadata<Email>;
  password: FieldMetadata<Password>;
  passwordAutoComplete: "current-password" | "new-password";
}) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t("form.email")} meta={email} type="email" autoComplete="username" />
      <Field label={t("form.password")} meta={password} type="password" autoComplete={passwordAutoComplete} />
    </>
  );
}
