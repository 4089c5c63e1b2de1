import {
  type ActorRole,
  formatDay,
  kindsBelowIssuer,
  recordSubmission,
  type SubmissionStatus,
  submissionsOf,
  type TreeUnit,
  taskAudience,
  type UnitKind,
  unitsActorMay,
} from "../../core/index.js";
import type { ReplyBlock, ReplyChoice } from "../messages.js";
import { foldText } from "../normalize.js";
import { rankByTopic } from "../understanding/topic-match.js";
import {
  type AnswerContext,
  citeTask,
  indexOf,
  list,
  paragraph,
  planOf,
  type Task,
} from "./answer-context.js";

/** What a status answer returns: blocks, and choices when the question fits several tasks. */
export interface StatusReply {
  blocks: ReplyBlock[];
  choices?: ReplyChoice[];
}

const schoolKinds: UnitKind[] = ["mam_non", "tieu_hoc", "thcs", "thpt", "lien_cap", "gdtx"];
const done: SubmissionStatus[] = ["da_nop", "da_tiep_nhan"];

/** The kinds of unit that must submit for a task: what its words name, else every kind under the issuer. */
function audienceKinds(ctx: AnswerContext, task: Task): UnitKind[] {
  const issuer = planOf(ctx, task.planId)?.issuer ?? null;
  return taskAudience(task, issuer) ?? kindsBelowIssuer(issuer);
}

/** The tasks a unit of this kind must hand something in for. */
function submissionTasks(ctx: AnswerContext, kind: UnitKind | null): Task[] {
  return ctx.knowledge.tasks.filter(
    (t) => t.requiresSubmission && (kind === null || audienceKinds(ctx, t).includes(kind)),
  );
}

/** The focal role of the sender, with its unit. */
function focalRole(ctx: AnswerContext): (ActorRole & { unitId: number; unitKind: UnitKind }) | null {
  const role = ctx.actor.roles.find((r) => r.role === "focal" && r.unitId !== null && r.unitKind !== null);
  return role ? (role as ActorRole & { unitId: number; unitKind: UnitKind }) : null;
}

const isOfficer = (ctx: AnswerContext) =>
  ctx.actor.roles.some((r) => r.role === "officer" || r.role === "admin");

/** A task named by a choice ("/danop 12"), or the tasks the question's words fit best. */
// `named`: the question fits these tasks well; `confident`: it fits exactly one of them.
function tasksNamed(
  ctx: AnswerContext,
  candidates: Task[],
): { best: Task[]; named: boolean; confident: boolean } {
  const picked = /^\/\S+ (\d+)$/.exec(ctx.question.trim());
  if (picked) {
    const task = candidates.find((t) => t.id === Number(picked[1]));
    return { best: task ? [task] : [], named: task !== undefined, confident: task !== undefined };
  }
  const { subjectOf } = indexOf(ctx.knowledge);
  const ranked = rankByTopic(ctx.question, candidates, (t) => subjectOf.get(t.id) ?? t.text);
  const top = ranked[0];
  if (!top || top.score < 0.35)
    return { best: ranked.slice(0, 4).map((r) => r.item), named: false, confident: false };
  const close = ranked.filter((r) => r.score >= top.score - 0.1).map((r) => r.item);
  // Words that fit most tasks alike ("hồ sơ") name none of them.
  if (close.length > Math.max(3, candidates.length / 2))
    return { best: close.slice(0, 4), named: false, confident: false };
  return { best: close.slice(0, 4), named: true, confident: close.length === 1 };
}

/** The open tasks nearest in time, for a question that names none. */
function nearest(ctx: AnswerContext, candidates: Task[], n: number): Task[] {
  const dated = candidates
    .filter((t) => t.dueOn)
    .sort((a, b) => (a.dueOn ?? "").localeCompare(b.dueOn ?? ""));
  const upcoming = dated.filter((t) => (t.dueOn ?? "") >= ctx.today);
  return [...upcoming, ...dated.filter((t) => (t.dueOn ?? "") < ctx.today).reverse()].slice(0, n);
}

const dueText = (ctx: AnswerContext, task: Task) =>
  task.dueOn ? formatDay(task.dueOn) : ctx.t("answers.unscheduled");

function choicesFor(ctx: AnswerContext, command: string, tasks: Task[]): ReplyChoice[] {
  return tasks.map((t) => ({
    id: `/${command} ${t.id}`,
    label: ctx.t("answers.status.choice", { task: t.text, due: dueText(ctx, t) }),
  }));
}

function statusLine(ctx: AnswerContext, task: Task, status: SubmissionStatus, note: string | null): string {
  const overdue = !done.includes(status) && task.dueOn !== null && task.dueOn < ctx.today;
  return ctx.t("answers.status.line", {
    status: ctx.t(`answers.status.${status}`),
    task: task.text,
    due: dueText(ctx, task),
    late: overdue ? ctx.t("answers.status.late") : "",
    note: note ? ctx.t("answers.status.note", { note }) : "",
    source: citeTask(ctx, task),
  });
}

/** "Đơn vị tôi đã nộp … chưa?": the sender's unit, task by task, from the submissions table. */
export async function answerMyStatus(ctx: AnswerContext): Promise<StatusReply> {
  const role = focalRole(ctx);
  if (!role)
    return {
      blocks: [paragraph(ctx.t(isOfficer(ctx) ? "answers.status.askMissing" : "answers.status.noUnit"))],
    };
  const all = submissionTasks(ctx, role.unitKind);
  if (!all.length)
    return { blocks: [paragraph(ctx.t("answers.status.nothingToSubmit", { unit: role.unitName }))] };
  // A question that names an item ("… đăng ký thi đua chưa?") gets that item; "còn thiếu gì?" gets them all.
  const named = tasksNamed(ctx, all);
  const tasks = (named.named ? named.best : all).sort((a, b) =>
    (a.dueOn ?? "9999").localeCompare(b.dueOn ?? "9999"),
  );
  const records = await submissionsOf(
    ctx.db,
    [role.unitId],
    tasks.map((t) => t.id),
  );
  const statusOf = (t: Task) => records.find((r) => r.taskId === t.id);
  const missing = tasks.filter((t) => !done.includes(statusOf(t)?.status ?? "chua_nop"));
  const late = missing.filter((t) => t.dueOn !== null && t.dueOn < ctx.today);
  return {
    blocks: [
      paragraph(ctx.t("answers.status.mineTitle", { unit: role.unitName, today: formatDay(ctx.today) })),
      list(
        tasks.map((t) => statusLine(ctx, t, statusOf(t)?.status ?? "chua_nop", statusOf(t)?.note ?? null)),
      ),
      paragraph(
        ctx.t("answers.status.mineSummary", {
          missing: missing.length,
          total: tasks.length,
          late: late.length,
        }),
      ),
    ],
  };
}

// "Những phòng nào …", "trường nào …": the question narrows which kind of unit it counts.
function kindsAsked(folded: string): UnitKind[] | null {
  if (/\b(phong|offices?)\b(?! (gd|giao duc))/.test(folded)) return ["phong"];
  if (/\b(truong|schools?)\b/.test(folded)) return schoolKinds;
  return null;
}

/** "Đơn vị nào chưa nộp X?": count and list, grouped by khối, of the units in the officer's reach. */
export async function answerMissingUnits(ctx: AnswerContext): Promise<StatusReply> {
  if (!isOfficer(ctx)) return { blocks: [paragraph(ctx.t("answers.status.officerOnly"))] };
  const candidates = submissionTasks(ctx, null);
  const named = tasksNamed(ctx, candidates);
  const task = named.confident ? named.best[0] : undefined;
  if (!task) {
    const offered = named.best.length ? named.best : nearest(ctx, candidates, 4);
    if (!offered.length) return { blocks: [paragraph(ctx.t("answers.status.nothingTracked"))] };
    return {
      blocks: [paragraph(ctx.t("answers.status.whichTask"))],
      choices: choicesFor(ctx, "chuanop", offered),
    };
  }
  const tree = await ctx.unitTree();
  const reach = unitsActorMay(ctx.actor, tree, "read");
  const asked = kindsAsked(foldText(ctx.question));
  const kinds = audienceKinds(ctx, task).filter((k) => !asked || asked.includes(k));
  const audience = tree.units.filter((u) => reach.has(u.id) && kinds.includes(u.kind));
  const head = paragraph(
    ctx.t("answers.status.taskTitle", {
      task: task.text,
      due: dueText(ctx, task),
      source: citeTask(ctx, task),
    }),
  );
  if (!audience.length) return { blocks: [head, paragraph(ctx.t("answers.status.noUnitsInAudience"))] };
  const records = await submissionsOf(
    ctx.db,
    audience.map((u) => u.id),
    [task.id],
  );
  const statusOf = (u: TreeUnit) => records.find((r) => r.unitId === u.id)?.status ?? "chua_nop";
  const missing = audience.filter((u) => !done.includes(statusOf(u)));
  const blocks: ReplyBlock[] = [
    head,
    paragraph(ctx.t("answers.status.missingCount", { missing: missing.length, total: audience.length })),
  ];
  const groups = new Map<string, string[]>();
  for (const unit of missing) {
    const group = unit.groups[0] ?? ctx.t("answers.status.noGroup");
    const label =
      statusOf(unit) === "can_bo_sung" ? `${unit.name} (${ctx.t("answers.status.can_bo_sung")})` : unit.name;
    groups.set(group, [...(groups.get(group) ?? []), label]);
  }
  // Headings only when the organisation has khối at all; otherwise one plain list.
  const grouped = missing.some((u) => u.groups.length > 0);
  for (const [group, names] of [...groups].sort(([a], [b]) => a.localeCompare(b, "vi"))) {
    if (grouped) blocks.push(paragraph(group));
    blocks.push(list(names));
  }
  return { blocks };
}

/** "Trường em đã nộp … rồi": records "đã nộp" for the sender's unit, pending the officer's receipt. */
export async function answerMarkSubmitted(ctx: AnswerContext): Promise<StatusReply> {
  const role = focalRole(ctx);
  if (!role)
    return {
      blocks: [paragraph(ctx.t(isOfficer(ctx) ? "answers.status.markByFocal" : "answers.status.noUnit"))],
    };
  const candidates = submissionTasks(ctx, role.unitKind);
  const named = tasksNamed(ctx, candidates);
  const task = named.confident ? named.best[0] : undefined;
  if (!task) {
    const offered = named.best.length ? named.best : nearest(ctx, candidates, 4);
    if (!offered.length)
      return { blocks: [paragraph(ctx.t("answers.status.nothingToSubmit", { unit: role.unitName }))] };
    return {
      blocks: [paragraph(ctx.t("answers.status.whichSubmitted"))],
      choices: choicesFor(ctx, "danop", offered),
    };
  }
  const tree = await ctx.unitTree();
  const { changed } = await recordSubmission(
    ctx.db,
    ctx.actor,
    tree,
    { taskId: task.id, unitId: role.unitId, status: "da_nop" },
    ctx.now,
  );
  const params = {
    unit: role.unitName,
    task: task.text,
    due: dueText(ctx, task),
    source: citeTask(ctx, task),
  };
  return {
    blocks: [paragraph(ctx.t(changed ? "answers.status.marked" : "answers.status.alreadyMarked", params))],
  };
}
