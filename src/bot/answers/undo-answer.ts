import { undoLastSubmissionChange } from "../../core/index.js";
import { undoMinutes } from "../understanding/thresholds.js";
import { type AnswerContext, type AnswerResult, paragraph } from "./answer-context.js";

/** "hủy", "nhầm rồi": takes back the sender's latest submission change of the last minutes. */
export async function answerUndo(ctx: AnswerContext): Promise<AnswerResult> {
  const tree = await ctx.unitTree();
  const undone = await undoLastSubmissionChange(ctx.db, ctx.actor, tree, ctx.now, undoMinutes);
  if (!undone) return { blocks: [paragraph(ctx.t("answers.undo.nothing", { minutes: undoMinutes }))] };
  const task = ctx.knowledge.tasks.find((t) => t.id === undone.taskId);
  const unit = tree.units.find((u) => u.id === undone.unitId);
  return {
    blocks: [
      paragraph(
        ctx.t("answers.undo.done", {
          unit: unit?.name ?? "",
          task: task?.text ?? "",
          status: ctx.t(`answers.status.${undone.restored}`),
        }),
      ),
    ],
  };
}
