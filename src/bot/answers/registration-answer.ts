import { fold, formatDay, submissionsOf } from "../../core/index.js";
import type { ReplyBlock } from "../messages.js";
import { closeFit } from "../understanding/thresholds.js";
import { rankByTopic } from "../understanding/topic-match.js";
import {
  type AnswerContext,
  indexOf,
  list,
  paragraph,
  planOf,
  taskLine,
  visibleTasks,
} from "./answer-context.js";
import { channelLines } from "./document-answers.js";

/**
 * "Tôi muốn đăng ký thi đua": what the sender's unit must register, by when, with which dossier and
 * where to send it, and whether the unit has already said it did.
 */
export async function answerRegister(ctx: AnswerContext): Promise<ReplyBlock[] | null> {
  // A registration is a task to hand in whose subject (words, dossier, headings) says "đăng ký".
  const { subjectOf } = indexOf(ctx.knowledge);
  const subject = (t: { id: number; text: string }) => subjectOf.get(t.id) ?? t.text;
  const registrations = visibleTasks(ctx).filter(
    (t) => t.requiresSubmission && /\bdang ky\b/.test(fold(subject(t))),
  );
  const ranked = rankByTopic(`${ctx.question} đăng ký thi đua`, registrations, subject);
  const top = ranked[0];
  if (!top) return null;
  // Of the registrations that fit alike, the one due next is the one to make now.
  const close = ranked.filter((r) => r.score >= top.score - closeFit).map((r) => r.item);
  const upcoming = close
    .filter((t) => t.dueOn !== null && t.dueOn >= ctx.today)
    .sort((a, b) => (a.dueOn ?? "").localeCompare(b.dueOn ?? ""));
  const task = upcoming[0] ?? top.item;
  const blocks: ReplyBlock[] = [paragraph(ctx.t("answers.register.title")), list([taskLine(ctx, task)])];
  const dossier = ctx.knowledge.requirements.find((r) => r.taskId === task.id);
  if (dossier)
    blocks.push(paragraph(ctx.t("answers.requirements.title", { name: dossier.name })), list(dossier.items));
  const channels = channelLines(ctx, task.planId);
  if (channels.length) blocks.push(paragraph(ctx.t("answers.where.title")), list(channels));
  const focal = ctx.actor.roles.find((r) => r.role === "focal" && r.unitId !== null);
  if (focal?.unitId) {
    const [record] = await submissionsOf(ctx.db, [focal.unitId], [task.id]);
    const status = record?.status ?? "chua_nop";
    blocks.push(
      paragraph(
        ctx.t("answers.register.status", {
          unit: focal.unitName,
          status: ctx.t(`answers.status.${status}`),
        }),
      ),
    );
  }
  const plan = planOf(ctx, task.planId);
  blocks.push(
    paragraph(
      ctx.t("answers.register.next", {
        due: task.dueOn ? formatDay(task.dueOn) : ctx.t("answers.unscheduled"),
        plan: plan?.number ?? plan?.title ?? "",
      }),
    ),
  );
  return blocks;
}
