// React Router drops a route's action data whenever the page revalidates — and a live page revalidates
// whenever the live bus announces a change (components/live.tsx). An answer the person is reading (a
// confirmation step, a refusal that keeps what they typed) would vanish under them. This keeps the last
// answer for as long as the page stays at the same location: a revalidation keeps it, a new submission or
// a navigation replaces it.
import { useState } from "react";
import { useActionData, useLocation } from "react-router";

export function useKeptActionData<T>() {
  const actionData = useActionData<T>();
  const { key } = useLocation();
  const [kept, setKept] = useState<{ key: string; data: typeof actionData }>({ key, data: actionData });
  if (actionData !== undefined && actionData !== kept.data) setKept({ key, data: actionData });
  return actionData ?? (kept.key === key ? kept.data : undefined);
}
