import { ErrorCode, ThiduaError } from "../errors.js";
import { noteChange } from "../storage/change-counters.js";
import type { Db } from "../storage/open-database.js";
import { insertChannels } from "../storage/repositories/channels.js";
import { insertContacts } from "../storage/repositories/contacts.js";
import { insertPlanSections } from "../storage/repositories/plan-sections.js";
import {
  findPlanBySourceHash,
  insertPlan,
  type Plan,
  type PlanStatus,
  plansByIdOrNumber,
  updatePlanStatus,
} from "../storage/repositories/plans.js";
import { insertRequirement } from "../storage/repositories/requirements.js";
import { insertTasks } from "../storage/repositories/tasks.js";
import type { PlanExtraction } from "./extraction.js";

export type { Plan, PlanStatus };

// A task asks units to hand something in when its words say so.
// "Cập nhật kết quả … vào Phần mềm", "tải biên bản … lên thư mục": putting it where the office reads it
// is handing it in too.
const submissionWords =
  /(?<![\p{L}\p{N}])(gửi|nộp|đăng ký|báo cáo|nhập dữ liệu|cập nhật|tải(?!\s+(?:về|xuống)))(?![\p{L}\p{N}])/iu;

/** Stores an extraction as a draft plan; the same source (by hash) is found, not stored twice. */
export async function saveDraftPlan(
  db: Db,
  input: { extraction: PlanExtraction; sourceName: string; sourceHash: string; rolledFromPlanId?: number },
): Promise<{ plan: Plan; created: boolean }> {
  const existing = await findPlanBySourceHash(db, input.sourceHash);
  if (existing) return { plan: existing, created: false };
  const { extraction } = input;
  return db.transaction(async (tx) => {
    const plan = await insertPlan(tx, {
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
    });

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
      for (const row of await insertPlanSections(tx, rows)) sectionIds[row.position] = row.id;
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
    // The n-th id is the n-th deadline's.
    const taskIds = await insertTasks(tx, taskRows);

    const firstDeadlineOf = new Map<string, number>();
    extraction.deadlines.forEach((d, i) => {
      if (d.requirement !== undefined && !firstDeadlineOf.has(d.requirement))
        firstDeadlineOf.set(d.requirement, i);
    });
    for (const requirement of extraction.requirements) {
      const deadlineIndex = firstDeadlineOf.get(requirement.name);
      await insertRequirement(
        tx,
        {
          planId: plan.id,
          taskId: deadlineIndex !== undefined ? (taskIds[deadlineIndex] ?? null) : null,
          name: requirement.name,
          copies: requirement.copies ?? null,
          format: requirement.format ?? null,
          line: requirement.line,
        },
        requirement.items,
      );
    }
    const channelRows = extraction.channels.map((c) => ({
      planId: plan.id,
      kind: c.kind,
      value: c.address,
      context: c.fileNamePattern ?? null,
      audience: c.audience ?? null,
      subjectRule: c.subjectRule ?? null,
      line: c.line,
    }));
    await insertChannels(tx, channelRows);
    const contactRows = extraction.contacts.map((c) => ({
      planId: plan.id,
      name: c.name,
      title: c.title ?? null,
      phone: c.phone ?? null,
      email: c.email ?? null,
      scope: c.scope,
      line: c.line,
    }));
    await insertContacts(tx, contactRows);
    return { plan, created: true };
  });
}

/** Finds a plan by its id or its number ("1382/HD-GDĐT"); a NotFound error names what was asked. */
export async function findPlan(db: Db, ref: string): Promise<Plan> {
  const asId = /^\d+$/.test(ref) ? Number(ref) : null;
  const wanted = ref.replace(/\s+/g, "");
  const rows = await plansByIdOrNumber(db, asId, wanted);
  const plan = rows.find((p) => p.id === asId) ?? rows[0];
  if (!plan) {
    throw new ThiduaError(ErrorCode.NotFound, `no plan with id or number ${ref}`, {
      messageKey: "errors.plan_not_found",
      params: { plan: ref },
    });
  }
  return plan;
}

/** Moves a plan to published or archived, stamping when. */
export async function setPlanStatus(db: Db, planId: number, status: PlanStatus, at: Date): Promise<Plan> {
  const stamp =
    status === "published"
      ? { publishedAt: at, archivedAt: null }
      : status === "archived"
        ? { archivedAt: at }
        : {};
  const plan = await updatePlanStatus(db, planId, { status, ...stamp });
  if (!plan) {
    throw new ThiduaError(ErrorCode.NotFound, `no plan with id ${planId}`, {
      messageKey: "errors.plan_not_found",
      params: { plan: String(planId) },
    });
  }
  noteChange(db, "plans");
  return plan;
}
