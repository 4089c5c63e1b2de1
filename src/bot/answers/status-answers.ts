import {
  formatDay,
  type PublishedPlan,
  recordSubmission,
  resolveAudience,
  type SubmissionStatus,
  submissionsOf,
  type TreeUnit,
  type UnitKind,
  type UnitTree,
  unitsActorMay,
  unitsNamed,
  unitsOfTask,
} from "../../core/index.js";
import type { ReplyBlock } from "../messages.js";
import { foldText } from "../normalize.js";
import {
  type AnswerContext,
  type AnswerResult,
  citeTask,
  groupNumber,
  groupNumberSaid,
  list,
  paragraph,
  partNames,
  planOf,
  stepGroup,
  stepLeaders,
  type Task,
  unitsOneByOne,
} from "./answer-context.js";
import { answerOfficerRecord } from "./review-answers.js";
import {
  audienceKinds,
  choicesFor,
  confirmation,
  done,
  dueText,
  focalRole,
  isOfficer,
  nearest,
  submissionTasks,
  tasksNamed,
} from "./submission-tasks.js";

// "những việc gì", "việc nào", "còn gì", "what else", "which items": the whole list is asked for.
// "thiếu những giấy tờ nào", "what must our school still send", "what's (still) outstanding" too.
const listAsked =
  /\b(?:nhung|cac) (?:viec|muc|ho so|khoan)(?: \w+)?(?: gi| nao)\b|\bviec (?:gi|nao)\b|\bcon (?:gi|nhung gi)\b|\bthieu (?:gi|nhung gi|nhung(?: \w+){1,2} (?:gi|nao))\b|\bwhat else\b|\bwhich (?:items|tasks|ones)\b|\bwhat (?:do|does|must|should) (?:we|i|our \w+) still\b|\bwhat(?: s| is)(?: still)? (?:left|outstanding|missing)\b|\bstill (?:outstanding|owed|to (?:send|do))\b/;

const schoolKinds: UnitKind[] = ["mam_non", "tieu_hoc", "thcs", "thpt", "lien_cap", "gdtx"];

// "Điều chỉnh đăng ký (nếu có)": a step only the units it concerns must do, never late for the others.
const ifAny = /\(\s*nếu có\s*\)/iu;
const optional = (task: Task) => ifAny.test(task.text);

function statusLine(ctx: AnswerContext, task: Task, status: SubmissionStatus, note: string | null): string {
  const overdue = !done.includes(status) && task.dueOn !== null && task.dueOn < ctx.today;
  return ctx.t("answers.status.line", {
    status: ctx.t(`answers.status.${status}`),
    task: task.text,
    due: dueText(ctx, task),
    late: overdue ? ctx.t(optional(task) ? "answers.status.ifAny" : "answers.status.late") : "",
    note: note ? ctx.t("answers.status.note", { note }) : "",
    source: citeTask(ctx, task),
  });
}

/** "Đơn vị tôi đã nộp … chưa?": the sender's unit, task by task, from the submissions table. */
export async function answerMyStatus(ctx: AnswerContext): Promise<AnswerResult> {
  const role = focalRole(ctx);
  // An officer asking whether a step was handed in ("Công đoàn với Đoàn đã gửi báo cáo tổng kết chưa")
  // asks who has not handed it in, when the question names a step.
  if (!role && isOfficer(ctx) && tasksNamed(ctx, submissionTasks(ctx, null)).named)
    return { ...(await answerMissingUnits(ctx)), answeredAs: "missing_units" };
  if (!role)
    return {
      blocks: [paragraph(ctx.t(isOfficer(ctx) ? "answers.status.askMissing" : "answers.status.noUnit"))],
    };
  const all = submissionTasks(ctx, role.unitKind);
  if (!all.length)
    return { blocks: [paragraph(ctx.t("answers.status.nothingToSubmit", { unit: role.unitName }))] };
  // A question that names an item ("… đăng ký thi đua chưa?") gets that item; "còn thiếu gì?" gets them
  // all, even when it names one among them ("… thiếu những mục nào, tính luôn hồ sơ suy tôn").
  const named = listAsked.test(foldText(ctx.said)) ? null : tasksNamed(ctx, all);
  const tasks = (named?.named ? named.best : all).sort((a, b) =>
    (a.dueOn ?? "9999").localeCompare(b.dueOn ?? "9999"),
  );
  const records = await submissionsOf(
    ctx.db,
    [role.unitId],
    tasks.map((t) => t.id),
  );
  const statusOf = (t: Task) => records.find((r) => r.taskId === t.id);
  const missing = tasks.filter((t) => !done.includes(statusOf(t)?.status ?? "chua_nop"));
  const late = missing.filter((t) => t.dueOn !== null && t.dueOn < ctx.today && !optional(t));
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
  // Only as the subject ("phòng nào", "những trường"): "… nộp về Phòng" names the receiver, and "khối
  // trưởng nào" asks for leaders of any kind.
  const subject =
    /\b(?<!(?:khoi|cum) )(phong|truong)( \w+)? nao\b|\b(nhung|cac) (phong|truong)\b|\bwhich (offices|schools)\b/.exec(
      folded,
    );
  const word = subject?.[1] ?? subject?.[4] ?? subject?.[5];
  if (!word) return null;
  return /^(phong|offices)$/.test(word) ? ["phong"] : schoolKinds;
}

const toAsked = /\b(?:to nao|nhung to|cac to|which to)\b/;

/** "trong khối 2 / khối III, những trường nào chưa gửi …": the khối/cụm a question names by number, else null. */
function groupAsked(
  ctx: AnswerContext,
  planId: number,
): { test: (unit: TreeUnit) => boolean; group: PublishedPlan["groups"][number] | undefined } | null {
  const n = groupNumberSaid(ctx.said);
  return n ? groupTest(ctx, planId, n) : null;
}

/** Whether a unit is in the plan's khối/cụm of that number, by the unit list's groups or the plan's names. */
function groupTest(
  ctx: AnswerContext,
  planId: number,
  n: number,
): { test: (unit: TreeUnit) => boolean; group: PublishedPlan["groups"][number] | undefined } {
  const group = planOf(ctx, planId)?.groups.find((g) => groupNumber(g.name) === n);
  return {
    group,
    test: (unit) =>
      unit.groups.some((name) => groupNumber(name) === n) ||
      (group !== undefined &&
        [group.leader ?? "", ...group.members].some((m) => m !== "" && unitsNamed(m, [unit]).length > 0)),
  };
}

/**
 * Units the plan's khối/cụm name that owe the step but are not in the organisation's list, so nothing
 * they hand in can be tracked: named apart rather than left out.
 */
function unlistedUnits(
  ctx: AnswerContext,
  task: Task,
  tree: { units: TreeUnit[] },
  only: {
    leaders: string[] | null;
    group: PublishedPlan["groups"][number] | undefined;
    kinds: UnitKind[] | null;
  },
): string[] {
  const plan = planOf(ctx, task.planId);
  const groups = only.group ? [only.group] : (plan?.groups ?? []);
  const names = only.leaders ?? groups.flatMap((g) => [g.leader ?? "", ...g.members]);
  const owed = audienceKinds(ctx, task);
  const unlisted = names.filter((name) => {
    if (!name || unitsNamed(name, tree.units).length > 0) return false;
    const kinds = resolveAudience(name, plan?.issuer ?? null) ?? [];
    return kinds.some((k) => owed.includes(k) && (!only.kinds || only.kinds.includes(k)));
  });
  // "Trường THPT Sông Mai" as the leader and "THPT Sông Mai" among the members are one school.
  const key = (name: string) => foldText(name).replace(/^truong\s+/, "");
  return unlisted.filter((name, i) => unlisted.findIndex((other) => key(other) === key(name)) === i);
}

/** "Đơn vị nào chưa nộp X?": count and list, grouped by khối, of the units in the officer's reach. */
export async function answerMissingUnits(ctx: AnswerContext): Promise<AnswerResult> {
  if (!isOfficer(ctx)) return { blocks: [paragraph(ctx.t("answers.status.officerOnly"))] };
  const tree = await ctx.unitTree();
  const asked = kindsAsked(foldText(ctx.said));
  // "Trong khối 2, đơn vị nào …", "phòng nào …": the steps those units owe ("đăng ký thi đua" of the
  // schools, not the Phòng's of the same name).
  const all = submissionTasks(ctx, null);
  const owed = all.filter((t) => owedByAsked(ctx, t, tree, asked));
  // "Which units have not …" asks about many: a step the plan gives to one named unit is not it.
  const many = owed.filter((t) => (unitsOneByOne(ctx, t)?.length ?? 2) > 1);
  const pool = many.length ? many : owed.length ? owed : all;
  // "tổ nào chưa …", "which tổ": in a school's own plan, the steps its tổ owe.
  const ofTeams = toAsked.test(foldText(ctx.said))
    ? pool.filter((t) => /(?<![\p{L}])tổ(?![\p{L}])/iu.test(t.responsible ?? ""))
    : [];
  const candidates = ofTeams.length ? ofTeams : pool;
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
  const reach = unitsActorMay(ctx.actor, tree, "read");
  // A step for one cụm ("Cụm 3" in a schedule by cụm) is owed by that cụm's units, whatever was asked.
  const ofStep = stepGroup(ctx, task);
  const stepNumber = ofStep ? groupNumber(ofStep.name) : null;
  const inGroup = stepNumber ? groupTest(ctx, task.planId, stepNumber) : groupAsked(ctx, task.planId);
  // "Khối trưởng nộp hồ sơ Cờ thi đua": only the units the plan names as leaders owe it.
  const leaders = stepLeaders(ctx, task);
  const leads = (u: TreeUnit) => !leaders || leaders.some((l) => unitsNamed(l, [u]).length > 0);
  // "Công đoàn cơ sở, Đoàn trường: chậm nhất …": only the units the step names owe it.
  const byName = unitsOneByOne(ctx, task);
  const namedByStep = (u: TreeUnit) => !byName || byName.some((part) => partNames(part, u.name));
  const audience = unitsOfTask(tree, task, planOf(ctx, task.planId)?.issuer ?? null).filter(
    (u) =>
      reach.has(u.id) &&
      (!asked || asked.includes(u.kind)) &&
      (!inGroup || inGroup.test(u)) &&
      leads(u) &&
      namedByStep(u),
  );
  // An officer of the whole tree sees what the plan names beyond it; one of a subtree only their own.
  const unlisted =
    reach.size === tree.units.length
      ? unlistedUnits(ctx, task, tree, { leaders, group: inGroup?.group, kinds: asked })
      : [];
  const unlistedNote = unlisted.length
    ? [paragraph(ctx.t("answers.status.unlisted", { count: unlisted.length })), list(unlisted)]
    : [];
  const head = paragraph(
    ctx.t("answers.status.taskTitle", {
      task: task.text,
      due: dueText(ctx, task),
      source: citeTask(ctx, task),
    }),
  );
  if (!audience.length)
    return {
      blocks: [
        head,
        ...(unlisted.length ? unlistedNote : [paragraph(ctx.t("answers.status.noUnitsInAudience"))]),
      ],
    };
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
  blocks.push(...unlistedNote);
  return { blocks };
}

/** Whether some unit of the khối or kinds a question names owes the step (any step when it names neither). */
function owedByAsked(ctx: AnswerContext, task: Task, tree: UnitTree, kinds: UnitKind[] | null): boolean {
  const inGroup = groupAsked(ctx, task.planId);
  if (!inGroup && !kinds) return true;
  return unitsOfTask(tree, task, planOf(ctx, task.planId)?.issuer ?? null).some(
    (u) => (!kinds || kinds.includes(u.kind)) && (!inGroup || inGroup.test(u)),
  );
}

/** "Trường em đã nộp … rồi": records "đã nộp" for the sender's unit, pending the officer's receipt. */
export async function answerMarkSubmitted(ctx: AnswerContext): Promise<AnswerResult> {
  const role = focalRole(ctx);
  // An officer records it for the unit the message names.
  if (!role && isOfficer(ctx)) return answerOfficerRecord(ctx, "da_nop");
  if (!role) return { blocks: [paragraph(ctx.t("answers.status.noUnit"))] };
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
  const params = {
    unit: role.unitName,
    task: task.text,
    due: dueText(ctx, task),
    source: citeTask(ctx, task),
  };
  const about = { planId: task.planId, taskId: task.id };
  if (ctx.writes === "confirm")
    return { ...confirmation(ctx, "answers.confirm.marked", params, `/danop ${task.id}`), about };
  const tree = await ctx.unitTree();
  const { changed } = await recordSubmission(
    ctx.db,
    ctx.actor,
    tree,
    { taskId: task.id, unitId: role.unitId, status: "da_nop" },
    ctx.now,
  );
  return {
    blocks: [
      paragraph(ctx.t(changed ? "answers.status.marked" : "answers.status.alreadyMarked", params)),
      ...(changed ? [paragraph(ctx.t("answers.undoHint"))] : []),
    ],
    about,
  };
}
