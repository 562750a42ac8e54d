// "Checked before" under one claim or suggestion of the workspace. The matches of every item arrive as one
// promise the loader streams after the text and claims (app/articles/articles.server.ts,
// checkedBeforeInWorkspace), so nothing shows until they are there, and nothing for an item without any.
import { Suspense } from "react";
import { Await } from "react-router";
import { type CheckedBeforeItem, CheckedBeforeList } from "~/components/checked-before";

/** Item id → its matches, as the workspace's loader streams them. */
export type WorkspaceCheckedBefore = Promise<Record<string, CheckedBeforeItem[]>>;

export function CheckedBeforeSlot({ matches, itemId, label }: { matches: WorkspaceCheckedBefore; itemId: string; label: string }) {
  return (
    <Suspense fallback={null}>
      <Await resolve={matches} errorElement={null}>
        {(found: Record<string, CheckedBeforeItem[]>) => {
          const mine = found[itemId];
          return mine?.length ? (
            <div role="group" aria-label={label} className="workspace__checked-before">
              <CheckedBeforeList matches={mine} compact />
            </div>
          ) : null;
        }}
      </Await>
    </Suspense>
  );
}
