// What the status answers share: which tasks ask a unit to hand something in, which one a message
// names, and who may ask.
import {
  type Actor,
  type ActorRole,
  formatDay,
  kindsBelowIssuer,
  type SubmissionStatus,
  taskAudience,
  type UnitKind,
} from "../../core/index.js";
import type { ReplyChoice } from "../messages.js";
import { foldText } from "../normalize.js";
import { closeFit, taskFit } from "../understanding/thresholds.js";
import { rankByTopic, topicWords } from "../understanding/topic-match.js";
import {
  type AnswerContext,
  type AnswerResult,
  indexOf,
  othersStep,
  paragraph,
  planOf,
  type Task,
} from "./answer-context.js";

export const done: SubmissionStatus[] = ["da_nop", "da_tiep_nhan"];

/** The kinds of unit that must submit for a task: what its words name, else every kind under the issuer. */
export function audienceKinds(ctx: AnswerContext, task: Task): UnitKind[] {
  const issuer = planOf(ctx, task.planId)?.issuer ?? null;
  return taskAudience(task, issuer) ?? kindsBelowIssuer(issuer);
}

/** The tasks a unit of this kind must hand something in for (a focal person's: not the group leaders' unless theirs leads one). */
export function submissionTasks(ctx: AnswerContext, kind: UnitKind | null): Task[] {
  const focal = ctx.viewer.role === "focal";
  return ctx.knowledge.tasks.filter(
    (t) =>
      t.requiresSubmission &&
      (kind === null || audienceKinds(ctx, t).includes(kind)) &&
      !(focal && othersStep(ctx, t)),
  );
}

/** The focal role of the sender, with its unit. */
export function focalRole(ctx: AnswerContext): (ActorRole & { unitId: number; unitKind: UnitKind }) | null {
  const role = ctx.actor.roles.find((r) => r.role === "focal" && r.unitId !== null && r.unitKind !== null);
  return role ? (role as ActorRole & { unitId: number; unitKind: UnitKind }) : null;
}

// Words that say what kind of unit, not which one: "Phòng GDĐT huyện Gia Lâm" is told apart by "gia lam".
const unitKindWords =
  /\b(phong|so|gd ?dt|giao duc( va dao tao)?|dao tao|truong|thpt|thcs|th|mn|mam non|mau giao|tieu hoc|trung hoc( co so| pho thong)?|quan|huyen|thi xa|thanh pho|tp|cap \d)\b/g;

// A question about other units: "những trường nào", "bao nhiêu đơn vị", "which schools".
const otherUnits =
  /\b(truong|don vi|phong|khoi) nao\b|\b(nhung|cac|bao nhieu|may) (truong|don vi|phong)\b|\b(units|schools|offices)\b/;

/**
 * Whether a focal person (not an officer) asks about their own unit with words an officer would use
 * for others ("Phòng GDĐT Gia Lâm còn nợ gì?", "trường còn thiếu hồ sơ nào?"): they name it, or no other.
 */
export function focalAsksOwnUnit(actor: Actor, folded: string): boolean {
  if (actor.roles.some((r) => r.role === "officer" || r.role === "admin")) return false;
  const words = ` ${folded.replace(/[^a-z0-9]+/g, " ")} `;
  return actor.roles.some((r) => {
    if (r.role !== "focal" || !r.unitName) return false;
    const own = foldText(r.unitName).replace(unitKindWords, " ").replace(/\s+/g, " ").trim();
    return (own.length >= 3 && words.includes(` ${own} `)) || !otherUnits.test(folded);
  });
}

export const isOfficer = (ctx: AnswerContext) =>
  ctx.actor.roles.some((r) => r.role === "officer" || r.role === "admin");

/** A task named by a choice ("/danop 12"), or the tasks the question's words fit best. */
// `named`: the question fits these tasks well; `confident`: it fits exactly one of them.
export function tasksNamed(
  ctx: AnswerContext,
  candidates: Task[],
): { best: Task[]; named: boolean; confident: boolean } {
  const picked = /^\/\S+ (\d+)$/.exec(ctx.said.trim());
  if (picked) {
    const task = candidates.find((t) => t.id === Number(picked[1]));
    return { best: task ? [task] : [], named: task !== undefined, confident: task !== undefined };
  }
  const { subjectOf } = indexOf(ctx.knowledge);
  const subject = (t: Task) => subjectOf.get(t.id) ?? t.text;
  // "… chưa gửi Mẫu 01-DK": a form's code names the step that sends it, whatever else the question says
  // (read as typed: chat spelling would make "DK" "đăng ký").
  const code = /\bmau (?:so )?(\d{1,2}(?: [a-z]{1,4}\d{0,2})?)\b/.exec(topicWords(ctx.said).join(" "))?.[1];
  const coded = code
    ? candidates
        .filter((t) => ` ${topicWords(subject(t)).join(" ")} `.includes(` mau ${code} `))
        .filter((t, i, all) => !t.dueOn || all.findIndex((o) => o.dueOn === t.dueOn) === i)
    : [];
  if (coded.length === 1) return { best: coded, named: true, confident: true };
  const ranked = rankByTopic(ctx.question, candidates, subject);
  const top = ranked[0];
  // "hồ sơ bên tôi đến đâu rồi": words every status question has name no item.
  const naming = topicWords(ctx.question).filter((w) => !statusWords.has(w));
  if (!top || top.score < taskFit || !naming.length)
    return { best: ranked.slice(0, 4).map((r) => r.item), named: false, confident: false };
  // A step the plan states twice (in its rules and again in its timeline) fits alike on the same day:
  // it is one step, offered and weighed once.
  const close = ranked
    .filter((r) => r.score >= top.score - closeFit)
    .map((r) => r.item)
    .filter((t, i, all) => !t.dueOn || all.findIndex((o) => o.dueOn === t.dueOn) === i);
  if (close.length === 1) return { best: close, named: true, confident: true };
  // Words that fit most tasks alike ("hồ sơ") name none of them.
  if (close.length > Math.max(3, candidates.length / 2))
    return { best: close.slice(0, 4), named: false, confident: false };
  // Of items that fit alike ("hồ sơ thi đua" in October and in June), the one whose deadline is
  // near today is the one meant; of two near ones, the clearly nearer.
  const distance = (t: Task) => Math.abs(daysBetween(t.dueOn ?? "9999-12-31", ctx.today));
  const current = close.filter((t) => distance(t) <= nearDays).sort((a, b) => distance(a) - distance(b));
  const [nearest, next] = current;
  if (close.length > 1 && nearest && (!next || distance(next) - distance(nearest) >= clearlyNearer))
    return { best: [nearest], named: true, confident: true };
  return { best: close.slice(0, 4), named: true, confident: close.length === 1 };
}

// Words of asking about one's submissions in general, folded: "tình trạng", "hồ sơ", "trường", "đơn vị".
const statusWords = new Set([
  "tinh",
  "trang",
  "hinh",
  "ho",
  "so",
  "truong",
  "don",
  "vi",
  "ben",
  "du",
  "thieu",
  "nop",
  "gui",
  // The unit's own kind: "trung tâm em", "phòng mình" say who asks, not which item.
  "trung",
  "tam",
  "phong",
]);

// How near today a deadline must be for a status message to mean it rather than a like-named one,
// and how much nearer than the next it must be when two are near.
const nearDays = 45;
const clearlyNearer = 7;
const daysBetween = (a: string, b: string) => (Date.parse(a) - Date.parse(b)) / 86_400_000;

/** The open tasks nearest in time, for a question that names none. */
export function nearest(ctx: AnswerContext, candidates: Task[], n: number): Task[] {
  const dated = candidates
    .filter((t) => t.dueOn)
    .sort((a, b) => (a.dueOn ?? "").localeCompare(b.dueOn ?? ""));
  const upcoming = dated.filter((t) => (t.dueOn ?? "") >= ctx.today);
  return [...upcoming, ...dated.filter((t) => (t.dueOn ?? "") < ctx.today).reverse()].slice(0, n);
}

export const dueText = (ctx: AnswerContext, task: Task) =>
  task.dueOn ? formatDay(task.dueOn) : ctx.t("answers.unscheduled");

export function choicesFor(ctx: AnswerContext, command: string, tasks: Task[]): ReplyChoice[] {
  return tasks.map((t) => ({
    id: `/${command} ${t.id}`,
    label: ctx.t("answers.status.choice", { task: t.text, due: dueText(ctx, t) }),
  }));
}

/** "Bạn xác nhận …?" with yes and no as choices; yes is the command that makes the change. */
export function confirmation(
  ctx: AnswerContext,
  key: string,
  params: Record<string, unknown>,
  command: string,
): AnswerResult {
  return {
    blocks: [paragraph(ctx.t(key, params))],
    choices: [
      { id: command, label: ctx.t("answers.confirm.yes") },
      { id: "/khong", label: ctx.t("answers.confirm.no") },
    ],
    confirm: command,
  };
}
