import {
  createInvite,
  formatDay,
  isoDayIn,
  redeemInvite,
  unitsActorMay,
  unitsNamed,
} from "../../core/index.js";
import type { ReplyChoice } from "../messages.js";
import { type AnswerContext, type AnswerResult, paragraph } from "./answer-context.js";

// The code is the message's last word(s): "/start K7M2-QX9P", "mã mời k7m2 qx9p".
const codeIn = (text: string) => /([A-Za-z0-9]{4})[\s-]?([A-Za-z0-9]{4})\s*$/.exec(text.trim());

/** "/start CODE": links the sender's chat identity to the role and unit the code was made for. */
export async function answerRedeemInvite(ctx: AnswerContext): Promise<AnswerResult> {
  const match = codeIn(ctx.said);
  const code = match ? `${match[1]}-${match[2]}` : "";
  const linked = await redeemInvite(ctx.db, ctx.actor, code, ctx.now);
  return {
    blocks: [
      paragraph(
        ctx.t(linked.role === "focal" ? "answers.invite.linkedFocal" : "answers.invite.linkedOfficer", {
          unit: linked.unitName,
          role: ctx.t(`roles.${linked.role}`),
        }),
      ),
    ],
  };
}

/** "/moi <đơn vị>" (an officer): a fresh code for the unit's focal person, or choices if the name fits several. */
export async function answerInvite(ctx: AnswerContext): Promise<AnswerResult> {
  if (!ctx.actor.roles.some((r) => r.role === "officer" || r.role === "admin"))
    return { blocks: [paragraph(ctx.t("answers.status.officerOnly"))] };
  const tree = await ctx.unitTree();
  const reach = unitsActorMay(ctx.actor, tree, "review");
  const inReach = tree.units.filter((u) => reach.has(u.id));
  // "/moi TH-KD" names the unit by its code; "tạo mã mời cho trường Kết Đoàn" by its name.
  const asked = ctx.said.trim().replace(/^\/\S+\s+/, "");
  const byCode = inReach.filter((u) => u.code.toLowerCase() === asked.toLowerCase());
  const found = byCode.length ? byCode : unitsNamed(asked, inReach);
  const unit = found.length === 1 ? found[0] : undefined;
  if (!unit) {
    if (!found.length) return { blocks: [paragraph(ctx.t("answers.invite.noUnit", { name: asked }))] };
    const choices: ReplyChoice[] = found.slice(0, 6).map((u) => ({ id: `/moi ${u.code}`, label: u.name }));
    return { blocks: [paragraph(ctx.t("answers.invite.whichUnit"))], choices };
  }
  const invite = await createInvite(
    ctx.db,
    ctx.actor,
    { unitId: unit.id, role: "focal" },
    ctx.now,
    tree.subtreeOf,
  );
  return {
    blocks: [
      paragraph(
        ctx.t("answers.invite.created", {
          unit: unit.name,
          code: invite.code,
          expires: formatDay(isoDayIn(invite.expiresAt, ctx.timeZone)),
        }),
      ),
    ],
  };
}
