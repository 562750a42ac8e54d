// The demo newsroom a newcomer sees on first start. Never run against a real database unless asked
// (SEED_DEMO=1): the people, the sample article checked and published, a second article in review, and a
// neighbour fact-checker's ClaimReviews (a FILE source) for "checked before" matches.
import { hashPassword } from "~/auth/password.server";
import type { RoleName } from "~/auth/permissions";
import { prisma } from "~/db/client.server";
import { actAs } from "./actors.server";
import { seedNeighbourReviews } from "./neighbour-reviews.server";
import { seedReviewArticle } from "./review-article.server";
import { seedSampleArticle } from "./sample-article.server";
import { publishSampleFactCheck } from "./sample-fact-check.server";

export const demoPassword = "factdesk-demo";

export const demoAccounts: { email: string; name: string; role: RoleName }[] = [
  { email: "admin@example.org", name: "Sari Wulandari", role: "admin" },
  { email: "editor@example.org", name: "Budi Santoso", role: "editor" },
  { email: "editor2@example.org", name: "Dewi Anggraini", role: "editor" },
  { email: "reviewer@example.org", name: "Rizky Pratama", role: "reviewer" },
  { email: "reviewer2@example.org", name: "Nadia Putri", role: "reviewer" },
  { email: "reviewer3@example.org", name: "Agus Setiawan", role: "reviewer" },
];

/** Seeds the demo newsroom when the database has no users; returns whether it did. `onSeeding` is told when it starts. */
export async function seedDemoNewsroom(options: { onSeeding?: () => void } = {}): Promise<boolean> {
  if ((await prisma.user.count()) > 0) return false;
  options.onSeeding?.();
  if (!(await seedPeople())) return false;
  await publishSampleFactCheck(await seedSampleArticle(await actAs("editor@example.org")));
  await seedReviewArticle();
  await seedNeighbourReviews();
  return true;
}

async function seedPeople(): Promise<boolean> {
  const passwordHash = await hashPassword(demoPassword);
  const roleIds = new Map((await prisma.role.findMany({ select: { id: true, name: true } })).map((r) => [r.name, r.id]));
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(728041)`;
    if ((await tx.user.count()) > 0) return false;
    await tx.newsroomSettings.upsert({
      where: { id: 1 },
      // No public address: the demo publishes under the address it is served from (publicBaseUrl).
      create: { id: 1, name: "Factdesk Demo Newsroom", defaultLanguage: "id", timeZone: "Asia/Jakarta" },
      update: {},
    });
    await tx.user.createMany({
      data: demoAccounts.map((account) => ({
        email: account.email,
        name: account.name,
        passwordHash,
        roleId: roleIds.get(account.role)!,
      })),
    });
    return true;
  });
}
