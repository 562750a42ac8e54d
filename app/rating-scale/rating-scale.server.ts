// The newsroom's rating scale: the labels a verdict can carry, in both interface languages, each with a
// colour and a numeric value (values ascend with truthfulness; ClaimReview's worst/best rating are the
// scale's min/max). One scale is active. Labels used by any verdict can be renamed but never deleted.
import { recordAudit } from "~/audit/audit.server";
import type { Actor } from "~/auth/actor";
import { userCan } from "~/auth/permissions";
import { prisma } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import { publishChange } from "~/live/bus.server";
import { topic } from "~/live/topics";
import { Refusal } from "~/utils/refusal";
import { colourPattern, labelMaxLength, labelValueRange } from "./label-form";

type Tx = Prisma.TransactionClient;

export const labelFields = { id: true, labelEn: true, labelId: true, value: true, colour: true } as const;

export type ScaleLabel = { id: string; labelEn: string; labelId: string; value: number; colour: string };
export type LabelText = { labelEn: string; labelId: string; colour: string };

export const minimumLabels = 2;

export type ScaleRefusal = "notAllowed" | "noScale" | "notFound" | "inUse" | "valueTaken" | "badLabel" | "tooFew" | "badOrder";

const scaleRefusalStatus: Record<ScaleRefusal, 400 | 403 | 404 | 409> = {
  notAllowed: 403,
  noScale: 404,
  notFound: 404,
  badLabel: 400,
  badOrder: 400,
  inUse: 409,
  valueTaken: 409,
  tooFew: 409,
};

export class ScaleRefused extends Refusal<ScaleRefusal> {
  constructor(reason: ScaleRefusal) {
    super(reason, { status: scaleRefusalStatus[reason], messageKey: `scale.error.${reason}`, message: `rating scale change refused: ${reason}` });
  }
}

function mayEdit(actor: Actor) {
  if (!userCan(actor, "update:scale:any")) throw new ScaleRefused("notAllowed");
}

function cleanText(text: LabelText): LabelText {
  const labelEn = text.labelEn.trim();
  const labelId = text.labelId.trim();
  const colour = text.colour.trim().toLowerCase();
  if (!labelEn || !labelId || labelEn.length > labelMaxLength || labelId.length > labelMaxLength || !colourPattern.test(colour)) {
    throw new ScaleRefused("badLabel");
  }
  return { labelEn, labelId, colour };
}

function checkValue(value: number) {
  if (!Number.isInteger(value) || value < labelValueRange.min || value > labelValueRange.max) throw new ScaleRefused("badLabel");
}

async function activeScaleId(tx: Tx | typeof prisma) {
  const scale = await tx.ratingScale.findFirst({ where: { active: true }, orderBy: { createdAt: "asc" }, select: { id: true } });
  if (!scale) throw new ScaleRefused("noScale");
  return scale.id;
}

async function labelOfActiveScale(tx: Tx, id: string) {
  const scaleId = await activeScaleId(tx);
  const label = await tx.ratingLabel.findFirst({ where: { id, scaleId }, select: labelFields });
  if (!label) throw new ScaleRefused("notFound");
  return { scaleId, label };
}

/** The active scale and its labels in value order, or null when the newsroom has none. */
export async function activeScale(): Promise<{ id: string; name: string; labels: ScaleLabel[] } | null> {
  return prisma.ratingScale.findFirst({
    where: { active: true },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, labels: { orderBy: { value: "asc" }, select: labelFields } },
  });
}

/** The active scale's labels in value order, each with how many verdicts use it (such a label cannot be deleted). */
export async function listScaleLabels(): Promise<(ScaleLabel & { verdicts: number })[]> {
  const scale = await prisma.ratingScale.findFirst({
    where: { active: true },
    orderBy: { createdAt: "asc" },
    select: { labels: { orderBy: { value: "asc" }, select: { ...labelFields, _count: { select: { verdicts: true } } } } },
  });
  return (scale?.labels ?? []).map(({ _count, ...label }) => ({ ...label, verdicts: _count.verdicts }));
}

/** Adds a label to the active scale; without a value it goes to the top (highest value + 1). */
export async function addLabel(actor: Actor, input: LabelText & { value?: number }): Promise<ScaleLabel> {
  mayEdit(actor);
  const text = cleanText(input);
  if (input.value !== undefined) checkValue(input.value);
  const label = await prisma.$transaction(async (tx) => {
    const scaleId = await activeScaleId(tx);
    const top = await tx.ratingLabel.aggregate({ where: { scaleId }, _max: { value: true } });
    const value = input.value ?? (top._max.value ?? 0) + 1;
    if (await tx.ratingLabel.findFirst({ where: { scaleId, value }, select: { id: true } })) throw new ScaleRefused("valueTaken");
    const created = await tx.ratingLabel.create({ data: { scaleId, ...text, value }, select: labelFields });
    await recordAudit(tx, { actorId: actor.id, action: "scale.label.add", entityType: "RatingLabel", entityId: created.id, after: created });
    return created;
  });
  await publishChange([topic.desk], "scale");
  return label;
}

/**
 * Renames a label (both languages) and sets its colour, and its value when given. Allowed for labels in use:
 * verdicts point at the label, so they show the new wording.
 */
export async function renameLabel(actor: Actor, id: string, input: LabelText & { value?: number }): Promise<ScaleLabel> {
  mayEdit(actor);
  const text = cleanText(input);
  if (input.value !== undefined) checkValue(input.value);
  const label = await prisma.$transaction(async (tx) => {
    const { scaleId, label: before } = await labelOfActiveScale(tx, id);
    const value = input.value ?? before.value;
    if (value !== before.value && (await tx.ratingLabel.findFirst({ where: { scaleId, value }, select: { id: true } }))) {
      throw new ScaleRefused("valueTaken");
    }
    const after = await tx.ratingLabel.update({ where: { id }, data: { ...text, value }, select: labelFields });
    await recordAudit(tx, { actorId: actor.id, action: "scale.label.update", entityType: "RatingLabel", entityId: id, before, after });
    return after;
  });
  await publishChange([topic.desk], "scale");
  return label;
}

/** Deletes a label no verdict uses; a scale keeps at least two labels. */
export async function deleteLabel(actor: Actor, id: string): Promise<void> {
  mayEdit(actor);
  await prisma.$transaction(async (tx) => {
    const { scaleId, label } = await labelOfActiveScale(tx, id);
    if (await tx.verdict.findFirst({ where: { ratingId: id }, select: { id: true } })) throw new ScaleRefused("inUse");
    if ((await tx.ratingLabel.count({ where: { scaleId } })) <= minimumLabels) throw new ScaleRefused("tooFew");
    await tx.ratingLabel.delete({ where: { id } });
    await recordAudit(tx, { actorId: actor.id, action: "scale.label.delete", entityType: "RatingLabel", entityId: id, before: label });
  });
  await publishChange([topic.desk], "scale");
}

/**
 * Puts the active scale's labels in the given order (least true first) and renumbers their values 1..n.
 * `ids` must name every label of the scale exactly once.
 */
export async function reorderLabels(actor: Actor, ids: string[]): Promise<ScaleLabel[]> {
  mayEdit(actor);
  const labels = await prisma.$transaction(async (tx) => {
    const scaleId = await activeScaleId(tx);
    const before = await tx.ratingLabel.findMany({ where: { scaleId }, orderBy: { value: "asc" }, select: labelFields });
    const known = new Set(before.map((label) => label.id));
    if (ids.length !== before.length || new Set(ids).size !== ids.length || ids.some((id) => !known.has(id))) {
      throw new ScaleRefused("badOrder");
    }
    // (scaleId, value) is unique and checked row by row: park every label on a negative value first.
    for (const [index, id] of ids.entries()) await tx.ratingLabel.update({ where: { id }, data: { value: -(index + 1) } });
    for (const [index, id] of ids.entries()) await tx.ratingLabel.update({ where: { id }, data: { value: index + 1 } });
    const after = await tx.ratingLabel.findMany({ where: { scaleId }, orderBy: { value: "asc" }, select: labelFields });
    await recordAudit(tx, { actorId: actor.id, action: "scale.reorder", entityType: "RatingScale", entityId: scaleId, before, after });
    return after;
  });
  await publishChange([topic.desk], "scale");
  return labels;
}

/** Moves one label a step towards the start (`up`: less true) or the end of the scale. */
export async function moveLabel(actor: Actor, id: string, direction: "up" | "down"): Promise<ScaleLabel[]> {
  mayEdit(actor);
  const labels = await listScaleLabels();
  const ids = labels.map((label) => label.id);
  const index = ids.indexOf(id);
  if (index < 0) throw new ScaleRefused("notFound");
  const other = direction === "up" ? index - 1 : index + 1;
  if (other < 0 || other >= ids.length) return labels;
  [ids[index], ids[other]] = [ids[other]!, ids[index]!];
  return reorderLabels(actor, ids);
}
