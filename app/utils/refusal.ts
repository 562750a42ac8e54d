// One contract for a refusal: the newsroom's rules, or the state of the work, say no to what someone asked.
// A domain module throws a subclass named in its own words (VerdictRefused, SourceRefused, ClaimConflict, …)
// that carries
// - `reason`: why, in the domain's words (callers and tests branch on it);
// - `status`: the HTTP status an action answers with — 400 input the form could not catch, 403 the role may
//   not, 404 it is not (or no longer) there, 409 the claim's or page's current state does not allow it, 422 a document that cannot be imported;
// - `messageKey`: the catalog key shown to the person, with `values` for its placeholders.
// Routes never map reasons to statuses or messages themselves: `refusalReply` (app/utils/form.server.ts)
// turns a refusal into the action's answer. Failures of the machinery (the database is down, a document
// worker crashed, a body is too large to read) are not refusals and stay their own errors.
export type RefusalStatus = 400 | 403 | 404 | 409 | 422;
export type RefusalValues = Record<string, string | number>;

export type RefusalInit = {
  status: RefusalStatus;
  messageKey: string;
  values?: RefusalValues;
  /** The error's message for logs; the reason when absent. */
  message?: string;
  cause?: unknown;
};

export class Refusal<Reason extends string = string> extends Error {
  readonly reason: Reason;
  readonly status: RefusalStatus;
  readonly messageKey: string;
  readonly values?: RefusalValues;

  constructor(reason: Reason, init: RefusalInit) {
    super(init.message ?? reason, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    this.reason = reason;
    this.status = init.status;
    this.messageKey = init.messageKey;
    if (init.values !== undefined) this.values = init.values;
  }
}
