// The decisions queue, the part pages share with the server (see decisions.server.ts).

/** The live topic on which the decisions queue changes; only those who decide on verdicts may watch it. */
export const decisionsTopic = "decisions";
