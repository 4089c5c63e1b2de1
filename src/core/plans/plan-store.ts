import { desc, eq, inArray, or } from "drizzle-orm";
import { ErrorCode, ThiduaError } from "../errors.js";
import { noteChange } from "../storage/change-counters.js";
import { inBatches } from "../storage/in-batches.js";
import type { Db } from "../storage/open-database.js";
import {
  channels,
  contacts,
  planSections,
  plans,
  requirementItems,
  requirements,
  tasks,
} from "../storage/schema.js";
import type { PlanExtraction } from "./extraction.js";

export type Plan = typeof plans.$inferSelect;
export type PlanStatus = Plan["status"];

// A task asks units to hand something in when its words say so.
const submissionWords = /(?<![\p{L}\p{N}])(gửi|nộp|đăng ký|báo cáo|nhập dữ liệu)(?![\p{L}\p{N}])/iu;

/** Stores an extraction as a draft plan; the same source (by hash) is found, not stored twice. */
export async function saveDraftPlan(
  db: Db,
  input: { extraction: PlanExtraction; sourceName: string; sourceHash: string; rolledFromPlanId?: number },
): Promise<{ plan: Plan; created: boolean }> {
  const [existing] = await db.select().from(plans).where(eq(plans.sourceHash, input.sourceHash)).limit(1);
  if (existing) return { plan: existing, created: false };
  const { extraction } = input;
  return db.transaction(async (tx) => {
    const [plan] = await tx
      .insert(plans)
      .values({
        number: extraction.document.number,
        docKind: extraction.document.kind,
        issuer: extraction.document.issuer,
        place: extraction.document.place,
        issuedOn: extraction.document.issuedOn,
        title: extraction.document.title,
        schoolYear: extraction.document.schoolYear,
        signer: extraction.document.signer,
        sourceName: input.sourceName,
        sourceHash: input.sourceHash,
        rolledFromPlanId: input.rolledFromPlanId,
        extraction,
      })
      .returning();
    if (!plan) throw new Error("insert returned no plan");

    // A depth of the tree at a time: parents get their ids before their children need them.
    const sectionIds: number[] = [];
    const depth: number[] = [];
    let deepest = -1;
    for (const [i, section] of extraction.sections.entries()) {
      depth[i] = section.parent === null ? 0 : (depth[section.parent] ?? 0) + 1; // parents come first
      deepest = Math.max(deepest, depth[i] ?? 0);
    }
    for (let level = 0; level <= deepest; level++) {
      const rows = extraction.sections
        .map((section, position) => ({ section, position }))
        .filter(({ position }) => depth[position] === level)
        .map(({ section, position }) => ({
          planId: plan.id,
          parentId: section.parent === null ? null : (sectionIds[section.parent] ?? null),
          position,
          numbering: section.numbering,
          heading: section.heading,
          body: section.body,
          line: section.line,
        }));
      for (const batch of inBatches(rows)) {
        const inserted = await tx
          .insert(planSections)
          .values(batch)
          .returning({ id: planSections.id, position: planSections.position });
        for (const row of inserted) sectionIds[row.position] = row.id;
      }
    }
    const sectionFor = (line: number) => {
      // Sections are in document order: the last one starting at or before the line holds it.
      let low = 0;
      let high = extraction.sections.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if ((extraction.sections[mid]?.line ?? 0) <= line) low = mid + 1;
        else high = mid;
      }
      return low > 0 ? (sectionIds[low - 1] ?? null) : null;
    };

    const taskIds: number[] = [];
    const taskRows = extraction.deadlines.map((d) => ({
      planId: plan.id,
      sectionId: d.source === "text" ? sectionFor(d.line) : null,
      source: d.source,
      row: d.row ?? null,
      line: d.line,
      text: d.task,
      responsible: d.responsible,
      coordinating: d.coordinating ?? null,
      deadlineRaw: d.raw || null,
      deadlineKind: d.kind,
      startOn: d.start,
      dueOn: d.due,
      deadlineWarning: d.warning ?? null,
      requiresSubmission: submissionWords.test(d.task),
    }));
    // RETURNING gives a VALUES list's rows back in order, so the n-th id is the n-th deadline's.
    for (const batch of inBatches(taskRows)) {
      const inserted = await tx.insert(tasks).values(batch).returning({ id: tasks.id });
      for (const row of inserted) taskIds.push(row.id);
    }

    const firstDeadlineOf = new Map<string, number>();
    extraction.deadlines.forEach((d, i) => {
      if (d.requirement !== undefined && !firstDeadlineOf.has(d.requirement))
        firstDeadlineOf.set(d.requirement, i);
    });
    for (const requirement of extraction.requirements) {
      const deadlineIndex = firstDeadlineOf.get(requirement.name);
      const [row] = await tx
        .insert(requirements)
        .values({
          planId: plan.id,
          taskId: deadlineIndex !== undefined ? (taskIds[deadlineIndex] ?? null) : null,
          name: requirement.name,
          copies: requirement.copies ?? null,
          format: requirement.format ?? null,
          line: requirement.line,
        })
        .returning({ id: requirements.id });
      if (!row) continue;
      const items = requirement.items.map((text, position) => ({ requirementId: row.id, position, text }));
      for (const batch of inBatches(items)) await tx.insert(requirementItems).values(batch);
    }
    const channelRows = extraction.channels.map((c) => ({
      planId: plan.id,
      kind: c.kind,
      value: c.address,
      context: c.fileNamePattern ?? null,
      line: c.line,
    }));
    for (const batch of inBatches(channelRows)) await tx.insert(channels).values(batch);
    const contactRows = extraction.contacts.map((c) => ({
      planId: plan.id,
      name: c.name,
      title: c.title ?? null,
      phone: c.phone ?? null,
      email: c.email ?? null,
      scope: c.scope,
      line: c.line,
    }));
    for (const batch of inBatches(contactRows)) await tx.insert(contacts).values(batch);
    return { plan, created: true };
  });
}

/** Every plan, newest first. */
export async function listPlans(db: Db): Promise<Plan[]> {
  return db.select().from(plans).orderBy(desc(plans.createdAt), desc(plans.id));
}

/** Finds a plan by its id or its number ("1382/HD-GDĐT"); a NotFound error names what was asked. */
export async function findPlan(db: Db, ref: string): Promise<Plan> {
  const asId = /^\d+$/.test(ref) ? Number(ref) : null;
  const wanted = ref.replace(/\s+/g, "");
  const rows = await db
    .select()
    .from(plans)
    .where(asId !== null ? or(eq(plans.id, asId), eq(plans.number, wanted)) : eq(plans.number, wanted))
    .orderBy(desc(plans.id));
  const plan = rows.find((p) => p.id === asId) ?? rows[0];
  if (!plan) {
    throw new ThiduaError(ErrorCode.NotFound, `no plan with id or number ${ref}`, {
      messageKey: "errors.plan_not_found",
      params: { plan: ref },
    });
  }
  return plan;
}

/** The tasks of a plan in document order. */
export async function planTasks(db: Db, planId: number) {
  return db.select().from(tasks).where(eq(tasks.planId, planId)).orderBy(tasks.id);
}

/** The items of the given dossier lists, in order. */
export async function requirementItemsOf(db: Db, requirementIds: number[]) {
  if (!requirementIds.length) return [];
  return db
    .select()
    .from(requirementItems)
    .where(inArray(requirementItems.requirementId, requirementIds))
    .orderBy(requirementItems.requirementId, requirementItems.position);
}

/** The dossier lists of a plan with their items in order. */
export async function planRequirements(db: Db, planId: number) {
  const lists = await db
    .select()
    .from(requirements)
    .where(eq(requirements.planId, planId))
    .orderBy(requirements.id);
  const items = await requirementItemsOf(
    db,
    lists.map((l) => l.id),
  );
  return lists.map((list) => ({ ...list, items: items.filter((i) => i.requirementId === list.id) }));
}

/** Moves a plan to published or archived, stamping when. */
export async function setPlanStatus(db: Db, planId: number, status: PlanStatus, at: Date): Promise<Plan> {
  const stamp =
    status === "published"
      ? { publishedAt: at, archivedAt: null }
      : status === "archived"
        ? { archivedAt: at }
        : {};
  const [plan] = await db
    .update(plans)
    .set({ status, ...stamp })
    .where(eq(plans.id, planId))
    .returning();
  if (!plan) {
    throw new ThiduaError(ErrorCode.NotFound, `no plan with id ${planId}`, {
      messageKey: "errors.plan_not_found",
      params: { plan: String(planId) },
    });
  }
  noteChange(db, "plans");
  return plan;
}
