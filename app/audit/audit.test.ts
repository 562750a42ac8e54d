// The audit log is append-only, enforced by the database itself.
import { describe, expect, it } from "vitest";
import { prisma } from "~/db/client.server";
import { changedFields } from "./history.server";

describe("audit log", () => {
  it("refuses UPDATE, DELETE and TRUNCATE at the database", async () => {
    const event = await prisma.auditEvent.create({ data: { action: "test.event", entityType: "Test", entityId: "1", after: { a: 1 } } });
    await expect(prisma.auditEvent.update({ where: { id: event.id }, data: { action: "rewritten" } })).rejects.toThrow(/append-only/);
    await expect(prisma.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    expect(await prisma.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ action: "test.event" });
  });

  it("shows what changed between two states, without bookkeeping fields", () => {
    expect(changedFields({ wording: "a", version: 1, claimant: null }, { wording: "b", version: 2, claimant: "Kremlin" })).toEqual([
      { field: "wording", before: "a", after: "b" },
      { field: "claimant", before: null, after: "Kremlin" },
    ]);
  });
});
