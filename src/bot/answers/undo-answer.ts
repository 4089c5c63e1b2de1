import { undoLastSubmissionChange } from "../../core/index.js";
import { undoMinutes } from "../understanding/thresholds.js";
import { type AnswerContext, type AnswerResult, paragraph } from "./answer-context.js";
import { confirmation } from "./submission-tasks.js";

/**
 * "hủy", "nhầm rồi": takes back the sender's latest submission change of the last minutes — or,
 * when the message may not mean it, asks first what it would take back.
 */
export async function answerUndo(ctx: AnswerContext): Promise<AnswerResult> {
  const tree = await ctx.unitTree();
  const preview = ctx.writes === "confirm";
  const undone = await undoLastSubmissionChange(ctx.db, ctx.actor, tree, ctx.now, {
    withinMinutes: undoMinutes,
    preview,
  });
  if (!undone) return { blocks: [paragraph(ctx.t("answers.undo.nothing", { minutes: undoMinutes }))] };
  const params = {
    unit: tree.units.find((u) => u.id === undone.unitId)?.name ?? "",
    task: ctx.knowledge.tasks.find((t) => t.id === undone.taskId)?.text ?? "",
    status: ctx.t(`answers.status.${undone.restored}`),
  };
  if (preview) return confirmation(ctx, "answers.confirm.undo", params, "/huy");
  return { blocks: [paragraph(ctx.t("answers.undo.done", params))] };
}
