import {
  addDays,
  formatDay,
  recordSubmission,
  type SubmissionStatus,
  submissionsOf,
  type TreeUnit,
  unitsActorMay,
  unitsNamed,
  unitsOfTask,
} from "../../core/index.js";
import type { ReplyBlock } from "../messages.js";
import { topicWords } from "../understanding/topic-match.js";
import {
  type AnswerContext,
  type AnswerResult,
  citeTask,
  list,
  paragraph,
  planOf,
  type Task,
} from "./answer-context.js";
import { confirmation, dueText, isOfficer, submissionTasks, tasksNamed } from "./submission-tasks.js";

/** What an officer records for a unit: that it submitted, that the dossier is received, or returned. */
export type OfficerStatus = Exclude<SubmissionStatus, "chua_nop">;
const commandOf: Record<OfficerStatus, string> = {
  da_nop: "danop",
  da_tiep_nhan: "nhan",
  can_bo_sung: "bosung",
};
const statusOf = Object.fromEntries(Object.entries(commandOf).map(([s, c]) => [c, s])) as Record<
  string,
  OfficerStatus
>;

// A choice comes back as "/nhan <task id> <unit code>" or "/bosung <task id> <unit code> <note>".
const commandPattern = /^\/(danop|nhan|bosung) (\d+) (\S+)(?: (.+))?$/s;

/** The note of a return for completion: what follows a colon, or the "thiếu …" / "bổ sung …" clause. */
function noteOf(text: string): string | undefined {
  const afterColon = /:\s*(.+)$/s.exec(text)?.[1]?.trim();
  if (afterColon) return afterColon;
  return /(?:^|\s)((?:còn )?thiếu\s.+|cần bổ sung\s.+)$/isu.exec(text)?.[1]?.trim();
}

/** A status question as an officer records it: "/nhan …" from a choice, or the unit and item named. */
export function isOfficerCommand(text: string): OfficerStatus | null {
  const command = commandPattern.exec(text.trim())?.[1];
  return command ? (statusOf[command] ?? null) : null;
}

/**
 * An officer records a unit's submission, its receipt ("đã nhận hồ sơ … của trường Kết Đoàn") or a
 * return for completion with what is missing ("trả hồ sơ … trường Kết Đoàn: thiếu biên bản").
 */
export async function answerOfficerRecord(ctx: AnswerContext, status: OfficerStatus): Promise<AnswerResult> {
  if (!isOfficer(ctx)) return { blocks: [paragraph(ctx.t("answers.status.officerOnly"))] };
  const tree = await ctx.unitTree();
  const reach = unitsActorMay(ctx.actor, tree, status === "da_nop" ? "submit" : "review");
  const inReach = tree.units.filter((u) => reach.has(u.id));
  const command = commandPattern.exec(ctx.said.trim());
  let unit: TreeUnit | undefined;
  let task: Task | undefined;
  let note: string | undefined;
  if (command) {
    unit = inReach.find((u) => u.code === command[3]);
    task = ctx.knowledge.tasks.find((t) => t.id === Number(command[2]));
    note = command[4];
  } else {
    const said = ctx.said.split(":")[0] ?? "";
    const units = unitsNamed(said, inReach);
    if (units.length !== 1) {
      const key = units.length ? "answers.review.whichUnit" : "answers.review.noUnit";
      return { blocks: [paragraph(ctx.t(key)), ...(units.length ? [list(units.map((u) => u.name))] : [])] };
    }
    unit = units[0];
    note = status === "can_bo_sung" ? noteOf(ctx.said) : undefined;
    // The item is told by what the message says besides the unit's name.
    const unitWords = new Set(topicWords(unit?.name ?? ""));
    const item = topicWords(said)
      .filter((w) => !unitWords.has(w))
      .join(" ");
    const named = tasksNamed({ ...ctx, question: item, said }, unit ? submissionTasks(ctx, unit.kind) : []);
    task = named.confident ? named.best[0] : undefined;
    if (!task && unit) {
      if (!named.best.length)
        return { blocks: [paragraph(ctx.t("answers.review.noTask", { unit: unit.name }))] };
      const code = unit.code;
      return {
        blocks: [paragraph(ctx.t("answers.review.whichTask", { unit: unit.name }))],
        choices: named.best.map((t) => ({
          id: `/${commandOf[status]} ${t.id} ${code}${note ? ` ${note}` : ""}`,
          label: ctx.t("answers.status.choice", { task: t.text, due: dueText(ctx, t) }),
        })),
      };
    }
  }
  if (!unit || !task) return { blocks: [paragraph(ctx.t("answers.review.noUnit"))] };
  if (status === "can_bo_sung" && !note)
    return {
      blocks: [
        paragraph(ctx.t("errors.submission_note_required")),
        paragraph(ctx.t("answers.review.noteExample")),
      ],
    };
  const params = { unit: unit.name, task: task.text, note: note ?? "", source: citeTask(ctx, task) };
  const about = { planId: task.planId, taskId: task.id };
  if (ctx.writes === "confirm") {
    const command = `/${commandOf[status]} ${task.id} ${unit.code}${note ? ` ${note}` : ""}`;
    return { ...confirmation(ctx, `answers.confirm.${status}`, params, command), about };
  }
  await recordSubmission(
    ctx.db,
    ctx.actor,
    tree,
    { taskId: task.id, unitId: unit.id, status, note },
    ctx.now,
  );
  return {
    blocks: [paragraph(ctx.t(`answers.review.${status}`, params)), paragraph(ctx.t("answers.undoHint"))],
    about,
  };
}

/** "Tiến độ nộp hồ sơ": for each item due from a month ago on, how many units submitted, were received, are missing. */
export async function answerProgress(ctx: AnswerContext): Promise<AnswerResult> {
  if (!isOfficer(ctx)) return { blocks: [paragraph(ctx.t("answers.status.officerOnly"))] };
  const since = addDays(ctx.today, -30);
  const open = submissionTasks(ctx, null)
    .filter((t) => t.dueOn !== null && t.dueOn >= since)
    .sort((a, b) => (a.dueOn ?? "").localeCompare(b.dueOn ?? ""))
    .slice(0, 10);
  if (!open.length)
    return { blocks: [paragraph(ctx.t("answers.review.nothingOpen", { today: formatDay(ctx.today) }))] };
  const tree = await ctx.unitTree();
  const reach = unitsActorMay(ctx.actor, tree, "read");
  const audienceOf = (t: Task) =>
    unitsOfTask(tree, t, planOf(ctx, t.planId)?.issuer ?? null).filter((u) => reach.has(u.id));
  const records = await submissionsOf(
    ctx.db,
    [...reach],
    open.map((t) => t.id),
  );
  const lines = open.map((t) => {
    const audience = audienceOf(t);
    const count = (s: SubmissionStatus) =>
      audience.filter((u) => records.some((r) => r.taskId === t.id && r.unitId === u.id && r.status === s))
        .length;
    const submitted = count("da_nop");
    const received = count("da_tiep_nhan");
    const returned = count("can_bo_sung");
    return ctx.t("answers.review.progressLine", {
      due: dueText(ctx, t),
      task: t.text,
      submitted,
      received,
      returned,
      missing: audience.length - submitted - received - returned,
      total: audience.length,
    });
  });
  const blocks: ReplyBlock[] = [
    paragraph(ctx.t("answers.review.progressTitle", { today: formatDay(ctx.today) })),
    list(lines),
  ];
  return { blocks };
}
