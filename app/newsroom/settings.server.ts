// The newsroom's public identity (one row). Read on every page, so each process keeps it for a few
// seconds, and forgets it when a change is announced on the live bus (topic `newsroom`).
import { recordAudit } from "~/audit/audit.server";
import { type Actor, assertPermitted } from "~/auth/actor";
import { prisma } from "~/db/client.server";
import { publishChange } from "~/live/bus.server";
import { liveCache } from "~/live/cache.server";
import { topic } from "~/live/topics";

export type Newsroom = {
  name: string;
  publicUrl: string | null;
  logoUrl: string | null;
  defaultLanguage: string;
  /** IANA time zone for times shown to readers. */
  timeZone: string;
  creditReviewers: boolean;
  blindSecondReview: boolean;
};

const fallback: Newsroom = { name: "Factdesk", publicUrl: null, logoUrl: null, defaultLanguage: "en", timeZone: "UTC", creditReviewers: true, blindSecondReview: false };

/**
 * The settings as `db` sees them, uncached: for work inside a transaction (on the embedded database, which has one
 * connection, a read outside the transaction would wait for it to end).
 */
export async function newsroomIn(db: Pick<typeof prisma, "newsroomSettings"> = prisma): Promise<Newsroom> {
  const row = await db.newsroomSettings.findUnique({
    where: { id: 1 },
    select: { name: true, publicUrl: true, logoUrl: true, defaultLanguage: true, timeZone: true, creditReviewers: true, blindSecondReview: true },
  });
  return row ?? fallback;
}

const newsroom = liveCache<void, Newsroom>({ load: () => newsroomIn(), topicsOf: () => [topic.newsroom], ttlMs: 5_000 });

export function getNewsroom(): Promise<Newsroom> {
  return newsroom.get();
}

export async function updateNewsroom(actor: Actor, changes: Newsroom) {
  assertPermitted(actor, "update:settings:any");
  const after = await prisma.$transaction(async (tx) => {
    const before = await tx.newsroomSettings.findUnique({ where: { id: 1 } });
    const saved = await tx.newsroomSettings.upsert({ where: { id: 1 }, create: { id: 1, ...changes }, update: changes });
    await recordAudit(tx, { actorId: actor.id, action: "newsroom.update", entityType: "NewsroomSettings", entityId: "1", before, after: saved });
    return saved;
  });
  // Announcing it drops every process's copy of the settings (this one's at once). Published pages show
  // the newsroom's name, address and credits: render them again.
  await publishChange([topic.newsroom, topic.factChecks], "newsroom.update");
  return after;
}
