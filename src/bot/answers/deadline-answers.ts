import { formatDay, submissionsOf } from "../../core/index.js";
import type { ReplyBlock } from "../messages.js";
import { foldText } from "../normalize.js";
import { rankSentences } from "../search/field-index.js";
import type { Period } from "../understanding/question-period.js";
import { closeFit, rareInSections, taskFit, unsureFit } from "../understanding/thresholds.js";
import { planTextWords, rankByTopic, topicWords } from "../understanding/topic-match.js";
import {
  type AnswerContext,
  type AnswerResult,
  indexOf,
  list,
  paragraph,
  type Task,
  taskLine,
  visibleTasks,
} from "./answer-context.js";
import { answerSearch, findPassage } from "./document-answers.js";
import { done, focalRole } from "./submission-tasks.js";

/** What is due in a period, grouped by day, with the windows still open listed apart. */
export function answerDueInPeriod(ctx: AnswerContext, period: Period): ReplyBlock[] {
  const tasks = visibleTasks(ctx);
  const due = tasks
    .filter((t) => t.dueOn && t.dueOn >= period.start && t.dueOn <= period.end)
    .sort((a, b) => (a.dueOn ?? "").localeCompare(b.dueOn ?? ""));
  const ongoing = tasks.filter(
    (t) => t.startOn && t.dueOn && t.startOn <= period.end && t.dueOn > period.end && t.deadlineKind !== "on",
  );
  const range = { start: formatDay(period.start), end: formatDay(period.end) };
  const blocks: ReplyBlock[] = [];
  if (due.length) {
    blocks.push(
      paragraph(ctx.t(period.start === period.end ? "answers.due.titleDay" : "answers.due.title", range)),
    );
    const days = [...new Set(due.map((t) => t.dueOn ?? ""))];
    for (const day of days) {
      blocks.push(paragraph(formatDay(day)));
      blocks.push(list(due.filter((t) => t.dueOn === day).map((t) => taskLine(ctx, t))));
    }
  } else {
    blocks.push(paragraph(ctx.t("answers.due.none", range)));
    const next = tasks
      .filter((t) => t.dueOn && t.dueOn > period.end)
      .sort((a, b) => (a.dueOn ?? "").localeCompare(b.dueOn ?? ""))[0];
    if (next) blocks.push(paragraph(ctx.t("answers.due.next", { item: taskLine(ctx, next) })));
  }
  if (ongoing.length) {
    blocks.push(paragraph(ctx.t("answers.due.ongoing")));
    blocks.push(list(ongoing.map((t) => taskLine(ctx, t))));
  }
  return blocks;
}

/** The tasks whose last day has passed, most recent first; a focal person's own papers not handed in lead. */
export async function answerOverdue(ctx: AnswerContext): Promise<ReplyBlock[]> {
  const past = visibleTasks(ctx)
    .filter((t) => t.dueOn && t.dueOn < ctx.today)
    .sort((a, b) => (b.dueOn ?? "").localeCompare(a.dueOn ?? ""));
  if (!past.length) return [paragraph(ctx.t("answers.overdue.none", { today: formatDay(ctx.today) }))];
  // A focal person also sees where their own unit stands on each ("trường em có trễ hạn gì không?").
  const unit = focalRole(ctx);
  const records = unit
    ? await submissionsOf(
        ctx.db,
        [unit.unitId],
        past.filter((t) => t.requiresSubmission).map((t) => t.id),
      )
    : [];
  const statusOf = new Map(records.map((r) => [r.taskId, r.status]));
  // What the unit itself still owes is what "what have we missed" asks first; past events come after.
  const owed = (t: Task) => t.requiresSubmission && !done.includes(statusOf.get(t.id) ?? "chua_nop");
  const late = (unit ? [...past.filter(owed), ...past.filter((t) => !owed(t))] : past).slice(0, 10);
  const line = (t: Task) => {
    if (!unit || !t.requiresSubmission) return taskLine(ctx, t);
    const status = statusOf.get(t.id) ?? "chua_nop";
    return ctx.t("answers.overdue.withStatus", {
      line: taskLine(ctx, t),
      unit: unit.unitName,
      status: ctx.t(`answers.status.${status}`),
    });
  };
  return [paragraph(ctx.t("answers.overdue.title", { today: formatDay(ctx.today) })), list(late.map(line))];
}

/**
 * A step the plan names without a date ("Sau Tết Nguyên đán, Phòng tổ chức tọa đàm …") is
 * on no timeline: asked when it is, the passage answers when the question's rare words stand there and
 * in no task.
 */
function undatedStep(ctx: AnswerContext, tasks: Task[]): ReplyBlock[] | null {
  const { sectionIndex, subjectOf } = indexOf(ctx.knowledge);
  const rare = [...new Set(topicWords(ctx.question))].filter((w) => {
    const held = sectionIndex.holders(w);
    return held > 0 && held <= rareInSections;
  });
  if (!rare.length) return null;
  const named = (text: string) => planTextWords(text).some((w) => rare.includes(w));
  if (tasks.some((t) => named(subjectOf.get(t.id) ?? t.text))) return null;
  // The sentence must time the step without a date ("Sau Tết Nguyên đán", "sẽ thông báo sau").
  const section = findPassage(ctx, { strict: true });
  const timed = section
    ? rankSentences(ctx.question, `${section.heading}\n${section.body}`).find((r) => named(r.sentence))
    : undefined;
  if (!timed || !undatedTime.test(foldText(timed.sentence)) || /\d{1,2}\s*\/\s*\d{1,2}/u.test(timed.sentence))
    return null;
  return answerSearch(ctx, foldText(ctx.question));
}

// Words that time a step without giving its date.
const undatedTime =
  /\b(sau tet|sau khi|sau hoi nghi|sau le|(se )?thong bao sau|chua co lich|thoi gian cu the se)\b/;

const rangeAsked =
  /\b(?:tu (?:ngay|hom|bao gio|luc) (?:nao|may) (?:den|toi) (?:ngay|hom|bao gio|luc) (?:nao|may)|bat dau .*ket thuc|from (?:what|which) (?:date|day) to|start and end|first and last days?)\b/;
const spanAsked = /\b(trong bao lau|bao lau|bao nhieu ngay|trong may ngay|may ngay|how many days|how long)\b/;

// "chậm nhất 03 ngày trước Hội nghị tổng kết (dự kiến ngày 05/6/2027)": a limit counted from an event.
const countedLimit = /\d+\s+ngày(?:\s+làm việc)?\s+(?:trước|sau|kể từ)/iu;

/** The events the shown steps are counted from, when the plan dates them on the same line ("Hội nghị tổng kết (dự kiến)"). */
function countedFrom(ctx: AnswerContext, shown: Task[]): Task[] {
  return shown.flatMap((t) =>
    countedLimit.test(t.deadlineRaw ?? "")
      ? ctx.knowledge.tasks.filter(
          (e) =>
            e.planId === t.planId &&
            e.line === t.line &&
            e.deadlineKind === "on" &&
            !shown.includes(e) &&
            e.deadlineRaw !== null &&
            (t.deadlineRaw ?? "").includes(e.deadlineRaw),
        )
      : [],
  );
}

/** The deadline of the task a question names; when unsure, the closest tasks offered as choices. */
export function answerDeadlineOf(ctx: AnswerContext): AnswerResult | null {
  const tasks = visibleTasks(ctx);
  // A choice picked from an earlier answer comes back as "/han <task id>".
  const picked = /^\/han (\d+)$/.exec(ctx.said.trim());
  if (picked) {
    const task = tasks.find((t) => t.id === Number(picked[1]));
    return task
      ? { blocks: [paragraph(ctx.t("answers.deadline.title")), list([taskLine(ctx, task)])] }
      : null;
  }
  // A task is also known by who does it, the dossier it closes and the heading it stands under
  // ("hồ sơ đề nghị khen thưởng cuối năm", "Sinh hoạt khối thi đua lần 2").
  // "việc đó hạn khi nào": the task the last answer was about.
  const focused = tasks.find((t) => t.id === ctx.focus?.taskId);
  if (focused)
    return {
      blocks: [paragraph(ctx.t("answers.deadline.title")), list([taskLine(ctx, focused)])],
      about: { planId: focused.planId, taskId: focused.id },
    };
  // "được mấy ngày để bổ sung", "within how many days": a span the plan counts in days ("05 ngày làm
  // việc kể từ ngày họp") stands in its words, not on the timeline; "còn bao lâu nữa" asks a date.
  const folded = foldText(ctx.question);
  if (spanAsked.test(folded) && !/\b(con|nua|until|left)\b/.test(folded)) {
    const passage = answerSearch(ctx, folded);
    if (passage && /\d+\s*ngày/u.test(JSON.stringify(passage))) return { blocks: passage };
  }
  const undated = undatedStep(ctx, tasks);
  if (undated) return { blocks: undated };
  const { subjectOf } = indexOf(ctx.knowledge);
  const byTopic = rankByTopic(ctx.question, tasks, (t: Task) => subjectOf.get(t.id) ?? t.text);
  // "thi vòng 2 từ ngày nào đến ngày nào": a window asked, so a step that lasts some days comes before
  // the one-day steps that name the same words nearly as well.
  const windowAsked = rangeAsked.test(folded);
  const spans = (r: (typeof byTopic)[number]) =>
    windowAsked && r.item.deadlineKind === "range" && r.score >= (byTopic[0]?.score ?? 0) - 2 * closeFit;
  const ranked = [...byTopic.filter(spans), ...byTopic.filter((r) => !spans(r))];
  const best = ranked[0];
  if (!best || best.score < unsureFit) return null;
  if (best.score < taskFit) {
    return {
      blocks: [paragraph(ctx.t("answers.deadline.unsure"))],
      choices: ranked.slice(0, 4).map((r) => ({
        id: `/han ${r.item.id}`,
        label: ctx.t("answers.status.choice", {
          task: r.item.text,
          due: r.item.dueOn ? formatDay(r.item.dueOn) : ctx.t("answers.unscheduled"),
        }),
      })),
    };
  }
  // Tasks as close as the best one are shown together: the question may fit each.
  const close = ranked.filter((r) => r.score >= best.score - closeFit).slice(0, 3);
  const shown = close.map((r) => r.item);
  return {
    blocks: [
      paragraph(ctx.t("answers.deadline.title")),
      list([...shown, ...countedFrom(ctx, shown)].map((t) => taskLine(ctx, t))),
    ],
    about: { planId: best.item.planId, taskId: best.item.id },
  };
}
