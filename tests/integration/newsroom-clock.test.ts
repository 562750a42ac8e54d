// Due dates on the newsroom's clock, against a real PostgreSQL: an editor in a newsroom set to Asia/Jakarta
// picks 5 December on the board while the server runs in UTC. The deadline is the end of 5 December in
// Jakarta, it reads back as 5 December, and it is overdue exactly from then on — on the queue, the board
// and the workload alike.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClaim } from "~/claims/claims.server";
import { prisma } from "~/db/client.server";
import { stopLiveBus } from "~/live/bus.server";
import { newsroomClock } from "~/newsroom/clock";
import { updateNewsroom } from "~/newsroom/settings.server";
import { deskWorkload, reviewerQueue } from "~/review/assignments.server";
import { articleBoard } from "~/review/board.server";
import { action as boardAction } from "~/routes/articles.$articleId.board";
import { createArticle, sessionOf } from "../support/fixtures";

const serverZone = process.env.TZ;
beforeAll(() => {
  // The server's own zone is not the newsroom's (whatever machine runs the tests).
  process.env.TZ = "UTC";
});
afterAll(async () => {
  await stopLiveBus();
  if (serverZone === undefined) delete process.env.TZ;
  else process.env.TZ = serverZone;
});

function assignOnBoard(token: string, articleId: string, form: Record<string, string>) {
  const request = new Request(`http://localhost/articles/${articleId}/board`, {
    method: "POST",
    body: new URLSearchParams({ intent: "assign", ...form }),
    headers: { Cookie: `factdesk_session=${token}`, "Content-Type": "application/x-www-form-urlencoded" },
  });
  return boardAction({ request, params: { articleId }, context: {} } as never);
}

describe("a due date on the newsroom's clock", () => {
  it(
    "picked as 2026-12-05 in Asia/Jakarta is due at the end of that day there, reads 5 Dec, and is overdue only after it",
    { timeout: 90_000 },
    async () => {
      const admin = await sessionOf("admin");
      const editor = await sessionOf("editor");
      const reviewer = await sessionOf("reviewer");
      await updateNewsroom(admin, {
        name: "Redaksi Uji",
        publicUrl: null,
        logoUrl: null,
        defaultLanguage: "id",
        timeZone: "Asia/Jakarta",
        creditReviewers: true,
        blindSecondReview: false,
      });
      const { id: articleId } = await createArticle(editor.id, "Pemerintah menyebut 4.500 rumah rusak akibat banjir di Bekasi pada Senin.");
      const claim = await createClaim(editor, articleId, { start: 0, end: 42 });

      expect(await assignOnBoard(editor.token, articleId, { claimId: claim.id, reviewerId: reviewer.id, dueAt: "2026-12-05" })).toMatchObject({
        notice: { tone: "success", key: "board.assigned", count: 1 },
      });
      const { dueAt } = await prisma.assignment.findFirstOrThrow({ where: { claimId: claim.id, endedAt: null }, select: { dueAt: true } });
      expect(dueAt?.toISOString()).toBe("2026-12-05T16:59:59.999Z");

      // Shown as 5 December, in either language; a date input gets the same day back.
      const board = await articleBoard(articleId, { now: new Date("2026-12-05T16:00:00Z") });
      const card = board.columns.flatMap((column) => column.claims).find((c) => c.id === claim.id)!;
      expect(newsroomClock("Asia/Jakarta", "en").date(card.dueAt!)).toBe("5 Dec 2026");
      expect(newsroomClock("Asia/Jakarta", "id").date(card.dueAt!)).toBe("5 Des 2026");
      expect(newsroomClock("Asia/Jakarta", "en").dayOf(card.dueAt!)).toBe("2026-12-05");

      // Not overdue at 23:00 in Jakarta on the 5th; overdue a second after midnight.
      const before = new Date("2026-12-05T16:00:00Z");
      const after = new Date("2026-12-05T17:00:01Z");
      expect(card.overdue).toBe(false);
      expect((await reviewerQueue(reviewer.id, before)).map((item) => item.overdue)).toEqual([false]);
      expect((await deskWorkload(before)).find((person) => person.id === reviewer.id)?.overdue).toBe(0);
      const lateBoard = await articleBoard(articleId, { now: after });
      expect(lateBoard.columns.flatMap((column) => column.claims).find((c) => c.id === claim.id)?.overdue).toBe(true);
      expect((await reviewerQueue(reviewer.id, after)).map((item) => item.overdue)).toEqual([true]);
      expect((await deskWorkload(after)).find((person) => person.id === reviewer.id)?.overdue).toBe(1);
    },
  );

  it("refuses a day that is not on the calendar with its own message, and assigns nothing", { timeout: 90_000 }, async () => {
    const editor = await sessionOf("editor");
    const reviewer = await sessionOf("reviewer");
    const { id: articleId } = await createArticle(editor.id, "Kementerian membantah kabar bahwa dana bantuan dipotong 40 persen.");
    const claim = await createClaim(editor, articleId, { start: 0, end: 30 });
    for (const dueAt of ["2026-02-30", "2026-13-01", "5 Desember"]) {
      expect(await assignOnBoard(editor.token, articleId, { claimId: claim.id, reviewerId: reviewer.id, dueAt })).toMatchObject({
        data: { result: { error: { dueAt: ["clock.badDueDate"] } } },
        init: { status: 400 },
      });
    }
    expect(await prisma.assignment.count({ where: { claimId: claim.id } })).toBe(0);
  });
});
