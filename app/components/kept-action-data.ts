// React Router drops a route's action data whenever the page revalidates — and a live page revalidates
// whenever the live bus announces a change (components/live.tsx). An answer the person is reading (a
// confirmation step, a refusal that keeps what they typed) would vanish under them. This keeps the last
// answer for as long as the page stays at the same location: a revalidation keeps it, a new submission or
// a navigation replaces it.
// The router shows an action's answer while it reloads the page data, before it commits the submission's
// location (a new history key); the answer is then still there under the new key. So the kept answer follows
// the key for as long as the router still has it — keyed by the first render only, a live reload after the
// commit would find a "different page" and drop a refusal the editor is reading.
import { useState } from "react";
import { useActionData, useLocation } from "react-router";

export function useKeptActionData<T>() {
  const actionData = useActionData<T>();
  const { key } = useLocation();
  const [kept, setKept] = useState<{ key: string; data: typeof actionData }>({ key, data: actionData });
  if (actionData !== undefined && (actionData !== kept.data || key !== kept.key)) setKept({ key, data: actionData });
  return actionData ?? (kept.key === key ? kept.data : undefined);
}
