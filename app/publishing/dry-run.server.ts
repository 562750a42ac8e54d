// Confirmation steps and previews run the action's very writes and roll them back (decision 0011).
import { prisma } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import { publicFactCheck, type PublishedFactCheck } from "./public-fact-check.server";
import { PublishRefused } from "./refused";

type Tx = Prisma.TransactionClient;

/** Thrown to end a dry run: the transaction rolls back and its result comes out. */
class DryRun<T> extends Error {
  constructor(readonly result: T) {
    super("dry run");
  }
}

/**
 * Runs the very writes of a publication, correction or withdrawal and rolls them back: a preview and a
 * confirmation step refuse exactly what the real action would refuse, and show exactly what it would write.
 */
export async function rolledBack<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    await prisma.$transaction(async (tx) => {
      throw new DryRun(await work(tx));
    });
  } catch (error) {
    if (error instanceof DryRun) return error.result as T;
    throw error;
  }
  throw new Error("a dry run always rolls back");
}

/** A page as publicFactCheck gives it, read inside a transaction that wrote it. */
export async function readPublished(tx: Tx, slug: string): Promise<PublishedFactCheck> {
  const page = await publicFactCheck(slug, undefined, tx);
  if (page.kind !== "published") throw new PublishRefused("notFound");
  return page;
}
