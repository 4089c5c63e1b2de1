import {
  formatDay,
  isoDayIn,
  registrationOfId,
  registrationSchema,
  registrationsOfSchoolYear,
  reviewRegistration,
  schoolYearOf,
  unitsActorMay,
} from "../../core/index.js";
import { foldText } from "../normalize.js";
import { registrationSummary } from "../registration/registration-conversation.js";
import { type AnswerContext, type AnswerResult, list, paragraph } from "./answer-context.js";
import { isOfficer } from "./submission-tasks.js";

/**
 * An officer's registrations: `/dangky ds [2025-2026]` lists a school year's, `/dangky xem 3` shows
 * one, `/dangky duyet 3` approves it and `/dangky tra 3 <what to correct>` returns it to its unit.
 */
export async function answerRegistrationReview(ctx: AnswerContext): Promise<AnswerResult> {
  const { t } = ctx;
  if (!isOfficer(ctx)) return { blocks: [paragraph(t("registration.review.officerOnly"))] };
  const m = /^\/dang ?ky (duyet|tra|xem|ds)(?: (\d{4}-\d{4}|\d+))?(?: (.+))?$/s.exec(
    foldText(ctx.said.trim()).replace(/\s+/g, " "),
  );
  const verb = m?.[1];
  const arg = m?.[2];
  // The note is read from what was typed, with its diacritics.
  const note = ctx.said.trim().split(/\s+/).slice(3).join(" ");
  const tree = await ctx.unitTree();
  const scope = unitsActorMay(ctx.actor, tree, "review");
  if (verb === "ds") {
    const year = arg && /-/.test(arg) ? arg : schoolYearOf(ctx.today);
    const rows = (await registrationsOfSchoolYear(ctx.db, year)).filter((r) => scope.has(r.row.unitId));
    if (!rows.length) return { blocks: [paragraph(t("registration.review.none", { year }))] };
    return {
      blocks: [
        paragraph(t("registration.review.listTitle", { year, count: rows.length })),
        list(
          rows.map(({ row, registration }) =>
            t("registration.review.line", {
              id: row.id,
              unit: registration.unitName,
              status: t(`registration.status.${row.status}`),
              day: formatDay(isoDayIn(row.submittedAt, ctx.timeZone)),
            }),
          ),
        ),
      ],
    };
  }
  const id = Number(arg);
  if (!verb || !Number.isInteger(id)) return { blocks: [paragraph(t("registration.review.usage"))] };
  if (verb === "xem") {
    const stored = await registrationOfId(ctx.db, id);
    const found = stored && scope.has(stored.row.unitId) ? stored : undefined;
    if (!found) return { blocks: [paragraph(t("errors.registration_not_found", { id }))] };
    return {
      blocks: [
        paragraph(
          t("registration.review.showing", { id, status: t(`registration.status.${found.row.status}`) }),
        ),
        ...registrationSummary(t, found.registration),
      ],
      choices: [{ id: `/dangky duyet ${id}`, label: t("reminders.buttons.approve") }],
    };
  }
  const status = verb === "duyet" ? "approved" : "returned";
  const row = await reviewRegistration(
    ctx.db,
    ctx.actor,
    id,
    status,
    status === "returned" ? note : null,
    ctx.now,
  );
  const unit = registrationSchema.safeParse(row.payload).data?.unitName ?? "";
  return {
    blocks: [
      paragraph(
        t(status === "approved" ? "registration.review.approved" : "registration.review.returned", {
          id,
          unit,
          note,
        }),
      ),
    ],
  };
}
