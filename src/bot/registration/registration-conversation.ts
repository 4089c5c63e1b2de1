import {
  fold,
  formatDay,
  type Registration,
  type RegistrationTurn,
  registrationSchema,
} from "../../core/index.js";
import { type AnswerContext, type AnswerResult, list, paragraph } from "../answers/answer-context.js";
import type { Translate } from "../i18n.js";
import type { ReplyBlock, ReplyFile } from "../messages.js";
import { registrationDocx, registrationFileName, registrationXlsx } from "./registration-files.js";

const docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// Values that name a title ("chien_si_thi_dua_co_so") are shown by its name.
function shownParams(t: Translate, params: Record<string, string | number> = {}) {
  const out: Record<string, string | number> = { ...params };
  if (typeof params.title === "string") out.title = t(`registration.titles.individual.${params.title}`);
  if (typeof params.of === "string") out.of = t(`registration.titles.individual.${params.of}`);
  if (typeof params.needs === "string") out.needs = t(`registration.titles.collective.${params.needs}`);
  if (typeof params.due === "string" && /^\d{4}-\d{2}-\d{2}$/.test(params.due))
    out.due = formatDay(params.due);
  if (typeof params.options === "string")
    out.options = params.options
      .split("|")
      .map((o, i) => `${i + 1}. ${t(`registration.titles.collective.${o}`)}`)
      .join("\n");
  return out;
}

/** The registration so far, as the person confirms it. */
export function registrationSummary(
  t: Translate,
  r: Partial<Registration> & { unitName?: string },
): ReplyBlock[] {
  const none = t("registration.summary.none");
  const lines = [
    t("registration.summary.unit", { unit: r.unitName ?? "" }),
    t("registration.summary.year", { year: r.schoolYear ?? "" }),
    t("registration.summary.staff", { staff: r.staff ?? "" }),
    t("registration.summary.collective", {
      titles: r.collective?.length
        ? r.collective.map((c) => t(`registration.titles.collective.${c}`)).join("; ")
        : none,
    }),
    ...(r.individual?.length
      ? r.individual.map((i) =>
          t("registration.summary.individual", {
            title: t(`registration.titles.individual.${i.title}`),
            count: i.count,
            names: i.names.length ? ` (${i.names.join(", ")})` : "",
          }),
        )
      : [t("registration.summary.noIndividual")]),
    t("registration.summary.targets", { targets: r.targets?.length ? r.targets.join("; ") : none }),
    t("registration.summary.initiatives", {
      initiatives: r.initiatives?.length
        ? r.initiatives.map((i) => `${i.title}${i.author ? ` (${i.author})` : ""}`).join("; ")
        : none,
    }),
  ];
  return [list(lines)];
}

/** The filled forms of a stored registration: the .docx letter and table, and the .xlsx summary. */
async function registrationFiles(ctx: AnswerContext, registration: Registration): Promise<ReplyFile[]> {
  // The forms are the sector's Vietnamese forms, whatever language the person chats in.
  const t = ctx.translateIn("vi");
  const plan = ctx.knowledge.plans[0];
  const context = { issuer: plan?.issuer ?? undefined, today: ctx.today };
  // A plan's file-name rule ("Tên file: TenDonVi_DangKyThiDua") names the forms when it is one for registrations.
  const pattern =
    ctx.knowledge.channels.map((c) => c.context).find((rule) => rule && /dang ?ky/.test(fold(rule))) ??
    undefined;
  return [
    {
      name: registrationFileName(registration, "docx", pattern),
      mimeType: docxType,
      data: await registrationDocx(registration, context, t),
    },
    {
      name: registrationFileName(registration, "xlsx", pattern),
      mimeType: xlsxType,
      data: await registrationXlsx(registration, context, t),
    },
  ];
}

/** One turn of the registration conversation as a reply: what was said, the rules broken, the next question. */
export async function registrationReply(ctx: AnswerContext, turn: RegistrationTurn): Promise<AnswerResult> {
  const { t } = ctx;
  const blocks: ReplyBlock[] = [];
  for (const problem of turn.problems) {
    // A rule of the office's own (a new id) is told by its kind's message.
    const own = `registration.rules.${problem.rule}`;
    const keys = problem.kind ? [own, `registration.ruleKinds.${problem.kind}`] : [own];
    blocks.push(paragraph(t(keys, shownParams(t, problem.params))));
    if (problem.source) blocks.push(paragraph(t("registration.source", { source: problem.source })));
  }
  if (turn.problems.length) blocks.push(paragraph(t("registration.notKept")));
  for (const said of turn.say) blocks.push(paragraph(t(said.key, shownParams(t, said.params))));
  const state = turn.state;
  if (state?.step === "summary" && !state.offer)
    blocks.push(
      ...registrationSummary(t, {
        unitName: state.unit?.name,
        schoolYear: state.schoolYear,
        staff: state.staff,
        collective: state.collective,
        individual: state.individual,
        targets: state.targets,
        initiatives: state.initiatives,
      }),
    );
  const choices = turn.choices.map((c) => ({ id: c.id, label: t(c.key, shownParams(t, c.params)) }));
  const stored = turn.stored;
  if (!stored) return { blocks, ...(choices.length ? { choices } : {}) };
  const registration = registrationSchema.parse(stored.row.payload);
  blocks.push(...registrationSummary(t, registration));
  return {
    blocks,
    files: await registrationFiles(ctx, registration),
  };
}
