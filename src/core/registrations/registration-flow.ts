import { z } from "zod";
import type { IsoDay } from "../deadlines/calendar-days.js";
import { fold } from "../text/fold.js";
import {
  type CollectiveTitle,
  collectiveTitles,
  type IndividualTitle,
  individualTitles,
  namedTitles,
  type Registration,
  registrationSchema,
} from "./registration.js";
import {
  checkRegistration,
  type Peers,
  type RegistrationRule,
  type RegistrationSoFar,
  type RuleProblem,
} from "./registration-rules.js";

/** The steps of a registration, in order; "names" asks once per title that names its people. */
export const registrationSteps = [
  "unit",
  "year",
  "staff",
  "collective",
  "individual",
  "names",
  "targets",
  "initiatives",
  "summary",
] as const;
export type RegistrationStep = (typeof registrationSteps)[number];

/** A unit the person may register: theirs as focal person. `underSo`: a unit directly under a Sở. */
export interface RegistrableUnit {
  id: number;
  name: string;
  underSo: boolean;
}

/** Where a registration conversation stands: stored after every step, so nothing is lost. */
export const flowStateSchema = z.object({
  step: z.enum(registrationSteps),
  history: z.array(z.enum(registrationSteps)).max(50),
  unit: z.object({ id: z.number(), name: z.string(), underSo: z.boolean() }).optional(),
  schoolYear: z.string().optional(),
  staff: z.number().optional(),
  collective: z.array(z.enum(collectiveTitles)).optional(),
  individual: registrationSchema.shape.individual.optional(),
  /** During "names": the titles still to be named, the first being asked. */
  naming: z.array(z.enum(individualTitles)).optional(),
  targets: z.array(z.string()).optional(),
  initiatives: registrationSchema.shape.initiatives.optional(),
  /** The person was offered last year's registration or an amendment and must say yes or no. */
  offer: z.enum(["last_year", "amend"]).optional(),
  /** The registration this one amends (a second registration for the same year). */
  amends: z.number().optional(),
});
export type FlowState = z.infer<typeof flowStateSchema>;

/** What the flow knows of the world when it reads an answer. */
export interface FlowContext {
  units: RegistrableUnit[];
  /** The school year proposed ("2025-2026"). */
  currentYear: string;
  today: IsoDay;
  /** The registration task of the plan in force, when one is published. */
  deadline?: { dueOn: IsoDay; plan: string } | undefined;
  /** The unit's registration of the year before, offered as a start. */
  lastYear?(unitId: number, schoolYear: string): Promise<Registration | undefined>;
  /** The unit's registration of this year, if it has one (a second one amends it). */
  existing?(
    unitId: number,
    schoolYear: string,
  ): Promise<{ id: number; registration: Registration } | undefined>;
  /** The rules in force; the built-in ones when not given. */
  rules?: readonly RegistrationRule[];
  /** The units under the unit's parent and what the others registered, for the collective shares. */
  peers?(unitId: number, schoolYear: string): Promise<Peers>;
}

/** Something the flow says, as a message key with its values; choices are typed or pressed. */
export interface FlowMessage {
  key: string;
  params?: Record<string, string | number>;
}

/** What one answer made of the conversation. */
export interface FlowTurn {
  /** The state to store, or null when the conversation ended (finished or cancelled). */
  state: FlowState | null;
  say: FlowMessage[];
  /** The rules an answer broke (nothing of it was kept), each with its legal source. */
  problems: RuleProblem[];
  /** Buttons or numbered choices: each id comes back as the next message's text. */
  choices: { id: string; key: string; params?: Record<string, string | number> }[];
  /** Set when the person confirmed: the registration to store. */
  finished?: Registration | undefined;
  cancelled?: boolean;
}

// How each title may be typed ("lđtt 40", "CSTĐ cơ sở: 5", "bằng khen tỉnh 2"), folded; longer first.
const titleWords: [string, CollectiveTitle | IndividualTitle, "collective" | "individual" | "both"][] = [
  ["tap the lao dong tien tien", "tap_the_lao_dong_tien_tien", "collective"],
  ["tap the lao dong xuat sac", "tap_the_lao_dong_xuat_sac", "collective"],
  ["ttldtt", "tap_the_lao_dong_tien_tien", "collective"],
  ["ttldxs", "tap_the_lao_dong_xuat_sac", "collective"],
  ["co thi dua cua bo", "co_thi_dua_bo", "collective"],
  ["co thi dua bo", "co_thi_dua_bo", "collective"],
  ["co thi dua", "co_thi_dua_tinh", "collective"],
  ["co bo", "co_thi_dua_bo", "collective"],
  ["chien si thi dua co so", "chien_si_thi_dua_co_so", "individual"],
  ["chien si thi dua cap tinh", "chien_si_thi_dua_tinh", "individual"],
  ["chien si thi dua tinh", "chien_si_thi_dua_tinh", "individual"],
  ["chien si thi dua cap bo", "chien_si_thi_dua_bo", "individual"],
  ["chien si thi dua bo", "chien_si_thi_dua_bo", "individual"],
  ["cstd co so", "chien_si_thi_dua_co_so", "individual"],
  ["cstdcs", "chien_si_thi_dua_co_so", "individual"],
  ["cstd cap tinh", "chien_si_thi_dua_tinh", "individual"],
  ["cstd tinh", "chien_si_thi_dua_tinh", "individual"],
  ["cstd cap bo", "chien_si_thi_dua_bo", "individual"],
  ["cstd bo", "chien_si_thi_dua_bo", "individual"],
  ["lao dong tien tien", "lao_dong_tien_tien", "individual"],
  ["ldtt", "lao_dong_tien_tien", "individual"],
  ["bang khen cua bo", "bang_khen_bo", "both"],
  ["bang khen bo", "bang_khen_bo", "both"],
  ["bk bo", "bang_khen_bo", "both"],
  ["bang khen", "bang_khen_tinh", "both"],
  ["bk tinh", "bang_khen_tinh", "both"],
];

const yes = /^(co|ok|oke|okay|dong y|dung|dung roi|xac nhan|yes|y|confirm|vang|da|uh|u)$/;
const no = /^(khong|ko|k|no|n|khong can|thoi|bo qua|none|skip)$/;

/** The titles a unit may register as a collective: flags and the Ministry's awards for units under the Sở. */
export function collectiveOptions(unit: RegistrableUnit): CollectiveTitle[] {
  return unit.underSo
    ? [...collectiveTitles]
    : ["tap_the_lao_dong_tien_tien", "tap_the_lao_dong_xuat_sac", "bang_khen_tinh"];
}

/** Reads "2025-2026", "2025 - 2026", "25-26" as a school year whose second year follows the first. */
export function readSchoolYear(text: string): string | null {
  const m = /^(\d{2}|\d{4})\s*[-–/]\s*(\d{2}|\d{4})$/.exec(text.trim());
  if (!m) return null;
  const full = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));
  const [a, b] = [full(m[1] ?? ""), full(m[2] ?? "")];
  return b === a + 1 && a >= 2000 && a <= 2100 ? `${a}-${b}` : null;
}

/** Titles named in a text with the number after each ("lđtt 40, cstđcs 5"); null when a part does not read. */
function readCounts(folded: string, kind: "individual"): { title: IndividualTitle; count: number }[] | null {
  const out = new Map<IndividualTitle, number>();
  for (const part of folded
    .split(/[,;\n]| va /)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const entry = titleWords.find(([w, , k]) => (k === kind || k === "both") && part.startsWith(w));
    const count = /(\d+)\s*(nguoi|ca nhan|people)?$/.exec(part)?.[1];
    if (!entry || count === undefined) return null;
    out.set(entry[1] as IndividualTitle, Number(count));
  }
  return [...out].map(([title, count]) => ({ title, count }));
}

/** The collective titles a text picks: numbers of the offered list ("1, 3") or their names. */
function readCollective(folded: string, offered: CollectiveTitle[]): CollectiveTitle[] | null {
  const picked = new Set<CollectiveTitle>();
  for (const part of folded
    .split(/[,;\n]| va /)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const byNumber = /^\d+$/.test(part) ? offered[Number(part) - 1] : undefined;
    const byName = titleWords.find(
      ([w, t, k]) => k !== "individual" && part.startsWith(w) && offered.includes(t as CollectiveTitle),
    )?.[1];
    const title =
      byNumber ??
      (byName as CollectiveTitle | undefined) ??
      (offered.includes(part as CollectiveTitle) ? (part as CollectiveTitle) : undefined);
    if (!title) return null;
    picked.add(title);
  }
  return [...picked];
}

/** Lines of a free-text answer (targets, initiatives, names): split on new lines, semicolons or commas. */
const linesOf = (text: string, separators: RegExp) =>
  text
    .split(separators)
    .map((l) => l.replace(/^\s*(?:[-+•*]|\d+[.)])\s*/, "").trim())
    .filter(Boolean);

function readInitiative(line: string): { kind: "sang_kien" | "de_tai"; title: string; author?: string } {
  const f = fold(line);
  const kind = /^(de tai|research)/.test(f) ? "de_tai" : "sang_kien";
  const title = line
    .replace(/^\s*(sáng kiến|sang kien|sk|đề tài|de tai|initiative|research)\s*[:.-]?\s*/i, "")
    .trim();
  // "Tên sáng kiến - Nguyễn Văn An" or "… (Nguyễn Văn An)": the author after a dash or in brackets.
  const m = /^(.*?)\s*(?:[-–]\s*|\()\s*([\p{Lu}][\p{L}\p{M} .'-]+?)\)?\s*$/u.exec(title);
  return m?.[1] && m[2] ? { kind, title: m[1], author: m[2] } : { kind, title };
}

const initialState = (): FlowState => ({ step: "unit", history: [] });

/** The rules in force broken with `part` changed; the peers are read only when collective titles are. */
async function checkWith(
  ctx: FlowContext,
  state: FlowState,
  part: RegistrationSoFar,
): Promise<RuleProblem[]> {
  const r = { ...state, ...part };
  const unitId = state.unit?.id;
  const peers =
    part.collective?.length && unitId !== undefined && state.schoolYear && ctx.peers
      ? await ctx.peers(unitId, state.schoolYear)
      : undefined;
  return checkRegistration({ ...r, peers }, ctx.rules);
}

function problem(rule: string, params: Record<string, string | number> = {}): RuleProblem {
  return { rule, params, source: "" };
}

/**
 * The registration conversation: reads one answer against the step it answers, checks it with zod and
 * the rules, and says what comes next. An answer that does not read or breaks a rule changes nothing.
 * At any step: "quay lại" goes back, "hủy" cancels, "giúp" explains the step, "sửa … thành …" changes
 * an earlier answer.
 */
export async function registrationTurn(
  previous: FlowState | null,
  text: string,
  ctx: FlowContext,
): Promise<FlowTurn> {
  const state: FlowState = previous ? structuredClone(previous) : initialState();
  const folded = fold(text.replace(/[.!?…]+$/u, ""));
  const turn = (say: FlowMessage[], problems: RuleProblem[] = []): Promise<FlowTurn> =>
    ask(state, ctx, say, problems);

  if (!previous) {
    // Past the plan's registration deadline, nothing is started.
    if (ctx.deadline && ctx.today > ctx.deadline.dueOn)
      return {
        state: null,
        say: [{ key: "registration.closed", params: { due: ctx.deadline.dueOn, plan: ctx.deadline.plan } }],
        problems: [],
        choices: [],
        cancelled: true,
      };
    if (!ctx.units.length)
      return {
        state: null,
        say: [{ key: "registration.noUnit" }],
        problems: [],
        choices: [],
        cancelled: true,
      };
    if (ctx.units.length === 1) moveTo(state, "year", ctx.units[0]);
    return turn([{ key: "registration.started" }]);
  }
  // "/dangky" again, or the reminder's button: the step the person left, asked again.
  if (folded === "" || /^\/dang ?ky$/.test(folded)) return turn([{ key: "registration.resumed" }]);
  if (/^(huy|huy bo|cancel|thoi khong dang ky nua|dung lai)$/.test(folded))
    return {
      state: null,
      say: [{ key: "registration.cancelled" }],
      problems: [],
      choices: [],
      cancelled: true,
    };
  if (/^(quay lai|tro lai|back|lui lai)$/.test(folded)) {
    const back = state.history.pop();
    if (back) {
      state.step = back;
      state.offer = undefined;
      if (back === "names") state.naming = namedOf(state);
    }
    return turn([]);
  }
  if (/^(giup|tro giup|help|huong dan|\?)$/.test(folded))
    return turn([{ key: `registration.help.${state.step}` }]);

  // "sửa số CSTĐ cơ sở thành 5", "sửa biên chế thành 48", "sửa năm học thành 2025-2026".
  const edit =
    /^sua (?:so |lai )?(.+?) (?:thanh|la|=) (.+)$/.exec(folded) ?? /^change (.+?) to (.+)$/.exec(folded);
  if (edit && state.step !== "unit") return applyEdit(state, ctx, edit[1] ?? "", edit[2] ?? "");

  if (state.offer) {
    const accepted = yes.test(folded) || folded === "/co";
    const declined = no.test(folded) || folded === "/khong";
    if (!accepted && !declined) return turn([{ key: "registration.yesOrNo" }]);
    const offer = state.offer;
    state.offer = undefined;
    if (accepted && offer === "amend" && state.unit && state.schoolYear) {
      const existing = await ctx.existing?.(state.unit.id, state.schoolYear);
      if (existing) prefill(state, existing.registration, true);
      state.amends = existing?.id;
      moveTo(state, "summary");
      return turn([]);
    }
    if (!accepted && offer === "amend")
      return {
        state: null,
        say: [{ key: "registration.keptExisting" }],
        problems: [],
        choices: [],
        cancelled: true,
      };
    if (accepted && offer === "last_year" && state.unit && state.schoolYear) {
      const last = await ctx.lastYear?.(state.unit.id, state.schoolYear);
      if (last) prefill(state, last, false);
      moveTo(state, "summary");
      return turn([{ key: "registration.lastYearTaken" }]);
    }
    moveTo(state, "staff");
    return turn([]);
  }

  switch (state.step) {
    case "unit": {
      const byNumber = /^\d+$/.test(folded) ? ctx.units[Number(folded) - 1] : undefined;
      const unit =
        byNumber ??
        ctx.units.find((u) => `/dv ${u.id}` === folded) ??
        ctx.units.find((u) => fold(u.name) === folded || fold(u.name).includes(folded));
      if (!unit || folded.length < 1) return turn([{ key: "registration.invalid.unit" }]);
      moveTo(state, "year", unit);
      return turn([]);
    }
    case "year": {
      const year = yes.test(folded) || folded === "/co" ? ctx.currentYear : readSchoolYear(folded);
      if (!year) return turn([{ key: "registration.invalid.year" }]);
      state.schoolYear = year;
      const unit = state.unit;
      if (unit && (await ctx.existing?.(unit.id, year))) {
        state.offer = "amend";
        return turn([{ key: "registration.alreadyRegistered", params: { year } }]);
      }
      if (unit && (await ctx.lastYear?.(unit.id, year))) {
        state.offer = "last_year";
        return turn([]);
      }
      moveTo(state, "staff");
      return turn([]);
    }
    case "staff": {
      const staff = registrationSchema.shape.staff.safeParse(Number(/^\d+$/.exec(folded)?.[0] ?? Number.NaN));
      if (!staff.success) return turn([{ key: "registration.invalid.staff" }]);
      const problems = await checkWith(ctx, state, { staff: staff.data });
      if (problems.length) return turn([], problems);
      state.staff = staff.data;
      moveTo(state, "collective");
      return turn([]);
    }
    case "collective": {
      const offered = state.unit ? collectiveOptions(state.unit) : [];
      const picked = no.test(folded) ? [] : readCollective(folded.replace(/^\/dk /, ""), offered);
      if (!picked) return turn([{ key: "registration.invalid.collective" }]);
      const problems = await checkWith(ctx, state, { collective: picked });
      if (problems.length) return turn([], problems);
      state.collective = picked;
      moveTo(state, "individual");
      return turn([]);
    }
    case "individual": {
      const counts = no.test(folded) ? [] : readCounts(folded, "individual");
      if (!counts) return turn([{ key: "registration.invalid.individual" }]);
      const individual = counts.map((c) => ({ ...c, names: [] as string[] }));
      const parsed = registrationSchema.shape.individual.safeParse(individual);
      if (!parsed.success) return turn([{ key: "registration.invalid.individual" }]);
      const problems = await checkWith(ctx, state, { individual: parsed.data });
      if (problems.length) return turn([], problems);
      state.individual = parsed.data;
      state.naming = namedOf(state);
      moveTo(state, state.naming.length ? "names" : "targets");
      return turn([]);
    }
    case "names": {
      const title = state.naming?.[0];
      const entry = state.individual?.find((i) => i.title === title);
      if (!title || !entry) {
        moveTo(state, "targets");
        return turn([]);
      }
      const names = linesOf(text, /[\n,;]+/);
      const parsed = registrationSchema.shape.individual.element.shape.names.safeParse(names);
      if (!parsed.success) return turn([{ key: "registration.invalid.names" }]);
      if (parsed.data.length !== entry.count)
        return turn([], [problem("names_count", { count: entry.count, given: parsed.data.length, title })]);
      const individual = (state.individual ?? []).map((i) =>
        i.title === title ? { ...i, names: parsed.data } : i,
      );
      const problems = await checkWith(ctx, state, { individual });
      if (problems.length) return turn([], problems);
      state.individual = individual;
      state.naming = state.naming?.slice(1);
      if (!state.naming?.length) moveTo(state, "targets");
      return turn([]);
    }
    case "targets": {
      const targets = no.test(folded) ? [] : linesOf(text, /[\n;]+/);
      const parsed = registrationSchema.shape.targets.safeParse(targets);
      if (!parsed.success) return turn([{ key: "registration.invalid.targets" }]);
      state.targets = parsed.data;
      moveTo(state, "initiatives");
      return turn([]);
    }
    case "initiatives": {
      const initiatives = no.test(folded) ? [] : linesOf(text, /[\n;]+/).map(readInitiative);
      const parsed = registrationSchema.shape.initiatives.safeParse(initiatives);
      if (!parsed.success) return turn([{ key: "registration.invalid.initiatives" }]);
      const problems = await checkWith(ctx, state, { initiatives: parsed.data });
      if (problems.length) return turn([], problems);
      state.initiatives = parsed.data;
      moveTo(state, "summary");
      return turn([]);
    }
    case "summary": {
      if (!(yes.test(folded) || folded === "/co")) return turn([{ key: "registration.confirmOrEdit" }]);
      const registration = registrationSchema.safeParse({
        unitId: state.unit?.id,
        unitName: state.unit?.name,
        schoolYear: state.schoolYear,
        staff: state.staff,
        collective: state.collective ?? [],
        individual: state.individual ?? [],
        targets: state.targets ?? [],
        initiatives: state.initiatives ?? [],
      });
      const problems = registration.success ? await checkWith(ctx, state, registration.data) : [];
      if (!registration.success || problems.length)
        return turn([{ key: "registration.incomplete" }], problems);
      return { state: null, say: [], problems: [], choices: [], finished: registration.data };
    }
  }
}

/** The titles registered by count that name their people, in the form's order. */
function namedOf(state: FlowState): IndividualTitle[] {
  return (state.individual ?? []).filter((i) => namedTitles.has(i.title) && i.count > 0).map((i) => i.title);
}

function moveTo(state: FlowState, step: RegistrationStep, unit?: RegistrableUnit): void {
  if (unit) state.unit = unit;
  if (state.step !== step) state.history.push(state.step);
  state.step = step;
}

function prefill(state: FlowState, from: Registration, sameYear: boolean): void {
  state.staff = from.staff;
  state.collective = from.collective;
  // Last year's people are not this year's: counts are kept, names asked again.
  state.individual = sameYear ? from.individual : from.individual.map((i) => ({ ...i, names: [] }));
  state.targets = from.targets;
  state.initiatives = sameYear ? from.initiatives : [];
  state.naming = sameYear ? [] : namedOf(state);
}

/** "sửa … thành …": changes an earlier answer, checked like the answer itself; the step stays. */
async function applyEdit(state: FlowState, ctx: FlowContext, what: string, value: string): Promise<FlowTurn> {
  const again = (say: FlowMessage[], problems: RuleProblem[] = []) => ask(state, ctx, say, problems);
  if (/^(bien che|so can bo|can bo|nhan su|staff|so nguoi)/.test(what)) {
    const staff = registrationSchema.shape.staff.safeParse(Number(value));
    if (!staff.success) return again([{ key: "registration.invalid.staff" }]);
    const problems = await checkWith(ctx, state, { staff: staff.data });
    if (problems.length) return again([], problems);
    state.staff = staff.data;
    return again([{ key: "registration.edited" }]);
  }
  if (/^(nam hoc|school year|year)/.test(what)) {
    const year = readSchoolYear(value);
    if (!year) return again([{ key: "registration.invalid.year" }]);
    state.schoolYear = year;
    return again([{ key: "registration.edited" }]);
  }
  const counts = readCounts(`${what} ${value}`, "individual");
  const change = counts?.[0];
  if (!change || counts.length !== 1) return again([{ key: "registration.invalid.edit" }]);
  const current = state.individual ?? [];
  const kept = current.find((i) => i.title === change.title);
  const individual =
    change.count === 0
      ? current.filter((i) => i.title !== change.title)
      : kept
        ? current.map((i) =>
            i.title === change.title
              ? { ...i, count: change.count, names: i.names.length === change.count ? i.names : [] }
              : i,
          )
        : [...current, { title: change.title, count: change.count, names: [] }];
  const parsed = registrationSchema.shape.individual.safeParse(individual);
  if (!parsed.success) return again([{ key: "registration.invalid.edit" }]);
  const problems = await checkWith(ctx, state, { individual: parsed.data });
  if (problems.length) return again([], problems);
  state.individual = parsed.data;
  // A named title whose count changed needs its names again before the summary.
  const unnamed = namedOf(state).filter(
    (t) => (state.individual?.find((i) => i.title === t)?.names.length ?? 0) === 0,
  );
  if (unnamed.length && state.step === "summary") {
    state.naming = unnamed;
    moveTo(state, "names");
  }
  return again([{ key: "registration.edited" }]);
}

/** The question of the step the conversation is at, with its choices, after what was said. */
async function ask(
  state: FlowState,
  ctx: FlowContext,
  said: FlowMessage[],
  problems: RuleProblem[],
): Promise<FlowTurn> {
  const say = [...said];
  const choices: FlowTurn["choices"] = [];
  const yesNo = () =>
    choices.push(
      { id: "/co", key: "registration.choices.yes" },
      { id: "/khong", key: "registration.choices.no" },
    );
  if (state.offer === "amend") {
    say.push({ key: "registration.ask.amend" });
    yesNo();
  } else if (state.offer === "last_year") {
    say.push({ key: "registration.ask.lastYear" });
    yesNo();
  } else
    switch (state.step) {
      case "unit":
        say.push({ key: "registration.ask.unit" });
        ctx.units.forEach((u) => {
          choices.push({ id: `/dv ${u.id}`, key: "registration.choices.unit", params: { name: u.name } });
        });
        break;
      case "year":
        say.push({
          key: "registration.ask.year",
          params: { year: ctx.currentYear, unit: state.unit?.name ?? "" },
        });
        choices.push({ id: "/co", key: "registration.choices.year", params: { year: ctx.currentYear } });
        break;
      case "staff":
        say.push({ key: "registration.ask.staff" });
        break;
      case "collective": {
        const offered = state.unit ? collectiveOptions(state.unit) : [];
        say.push({ key: "registration.ask.collective", params: { options: offered.join("|") } });
        for (const title of offered)
          choices.push({ id: `/dk ${title}`, key: `registration.titles.collective.${title}` });
        choices.push({ id: "khong", key: "registration.choices.none" });
        break;
      }
      case "individual":
        say.push({ key: "registration.ask.individual" });
        choices.push({ id: "khong", key: "registration.choices.none" });
        break;
      case "names": {
        const title = state.naming?.[0] ?? "";
        const count = state.individual?.find((i) => i.title === title)?.count ?? 0;
        say.push({ key: "registration.ask.names", params: { title, count } });
        break;
      }
      case "targets":
        say.push({ key: "registration.ask.targets" });
        choices.push({ id: "khong", key: "registration.choices.none" });
        break;
      case "initiatives":
        say.push({ key: "registration.ask.initiatives" });
        choices.push({ id: "khong", key: "registration.choices.none" });
        break;
      case "summary":
        say.push({ key: "registration.ask.summary" });
        choices.push(
          { id: "/co", key: "registration.choices.confirm" },
          { id: "huy", key: "registration.choices.cancel" },
        );
        break;
    }
  return { state, say, problems, choices };
}
