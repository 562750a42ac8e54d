// The "Checked before" thresholds on /admin/settings, through the route's action against a real PostgreSQL: an admin
// saves them as percentages (stored as fractions, audited, read back by checkedBefore's thresholds); a pair out of
// order or out of range is refused with its own message and nothing changes; an editor or a reviewer cannot.
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "~/db/client.server";
import { stopLiveBus } from "~/live/bus.server";
import { matchThresholds } from "~/matching/checked-before.server";
import { action, loader } from "~/routes/admin.settings";
import { sessionOf } from "../support/fixtures";

afterAll(async () => {
  await stopLiveBus();
});

function post(token: string, form: Record<string, string>) {
  const request = new Request("http://localhost/admin/settings", {
    method: "POST",
    body: new URLSearchParams(form),
    headers: { Cookie: `factdesk_session=${token}`, "Content-Type": "application/x-www-form-urlencoded" },
  });
  return action({ request, params: {}, context: {} } as never);
}

const stored = () => prisma.newsroomSettings.findUniqueOrThrow({ where: { id: 1 }, select: { matchSuggestAt: true, matchLikelySameAt: true } });

/** A data() answer (a refusal) or a plain one, as { status, body }. */
function answerOf(answer: unknown): { status: number; body: { result?: { error?: Record<string, string[] | null> }; notice?: unknown } } {
  if (answer && typeof answer === "object" && "type" in answer && (answer as { type: string }).type === "DataWithResponseInit") {
    const { data, init } = answer as unknown as { data: never; init: { status?: number } | null };
    return { status: init?.status ?? 200, body: data };
  }
  return { status: 200, body: answer as never };
}

describe("Checked before thresholds on /admin/settings", () => {
  it("are saved by an admin as percentages, stored as fractions, audited and read back", async () => {
    const admin = await sessionOf("admin");
    const saved = answerOf(await post(admin.token, { intent: "matchThresholds", suggestPercent: "20", likelySamePercent: "55" }));
    expect(saved.status).toBe(200);
    expect(saved.body.notice).toEqual({ tone: "success", key: "form.saved" });
    expect(await stored()).toEqual({ matchSuggestAt: 0.2, matchLikelySameAt: 0.55 });
    expect(await matchThresholds()).toEqual({ suggestAt: 0.2, likelySameAt: 0.55 });
    const audit = await prisma.auditEvent.findFirst({ where: { action: "newsroom.match_thresholds", actorId: admin.id }, orderBy: { id: "desc" }, select: { after: true } });
    expect(audit?.after).toEqual({ matchSuggestAt: 0.2, matchLikelySameAt: 0.55 });

    const request = new Request("http://localhost/admin/settings", { headers: { Cookie: `factdesk_session=${admin.token}` } });
    const page = await loader({ request, params: {}, context: {} } as never);
    expect(page.thresholds).toEqual({ suggestAt: 0.2, likelySameAt: 0.55 });
  });

  it("refuses a pair out of order or out of range with its own message, and changes nothing", async () => {
    const admin = await sessionOf("admin");
    await post(admin.token, { intent: "matchThresholds", suggestPercent: "15", likelySamePercent: "45" });
    const before = await stored();
    const auditsBefore = await prisma.auditEvent.count({ where: { action: "newsroom.match_thresholds" } });

    const order = answerOf(await post(admin.token, { intent: "matchThresholds", suggestPercent: "60", likelySamePercent: "45" }));
    expect(order.status).toBe(400);
    expect(order.body.result?.error?.likelySamePercent).toEqual(["matchSettings.error.order"]);

    const range = answerOf(await post(admin.token, { intent: "matchThresholds", suggestPercent: "15", likelySamePercent: "150" }));
    expect(range.status).toBe(400);
    expect(range.body.result?.error?.likelySamePercent).toEqual(["matchSettings.error.range"]);

    const fraction = answerOf(await post(admin.token, { intent: "matchThresholds", suggestPercent: "0.15", likelySamePercent: "45" }));
    expect(fraction.status).toBe(400);
    expect(fraction.body.result?.error?.suggestPercent).toEqual(["matchSettings.error.range"]);

    expect(await stored()).toEqual(before);
    expect(await prisma.auditEvent.count({ where: { action: "newsroom.match_thresholds" } })).toBe(auditsBefore);
  });

  it("cannot be changed by an editor or a reviewer", async () => {
    const admin = await sessionOf("admin");
    await post(admin.token, { intent: "matchThresholds", suggestPercent: "15", likelySamePercent: "45" });
    for (const role of ["editor", "reviewer"] as const) {
      const person = await sessionOf(role);
      const refused = await post(person.token, { intent: "matchThresholds", suggestPercent: "1", likelySamePercent: "2" }).then(
        () => null,
        (thrown: unknown) => thrown,
      );
      expect(answerOf(refused).status, role).toBe(403);
    }
    expect(await stored()).toEqual({ matchSuggestAt: 0.15, matchLikelySameAt: 0.45 });
  });
});
