import {
  type Actor,
  addDays,
  type Db,
  formatDay,
  type IsoDay,
  namesOneUnit,
  type PublishedKnowledge,
  type PublishedPlan,
  type ReminderPolicy,
  romanValue,
  type SchoolCalendar,
  taskAudience,
  type UnitKind,
  type UnitTree,
  unitsNamed,
} from "../../core/index.js";
import type { Translate } from "../i18n.js";
import type { Intent } from "../intents.js";
import type { Locale, ReplyBlock, ReplyChoice, ReplyFile } from "../messages.js";
import { foldText } from "../normalize.js";
import { buildFieldIndex, type FieldIndex } from "../search/field-index.js";
import { topicWords } from "../understanding/topic-match.js";

/** Who is asking: an officer sees every unit's tasks, a focal person only their unit's. */
export type Viewer = { role: "officer" } | { role: "focal"; unitKind: UnitKind } | { role: "public" };

/** What the sender's roles let them see of the plans. */
export function viewerOf(actor: Actor): Viewer {
  if (actor.roles.some((r) => r.role === "officer" || r.role === "admin")) return { role: "officer" };
  const focal = actor.roles.find((r) => r.role === "focal" && r.unitKind !== null);
  return focal?.unitKind ? { role: "focal", unitKind: focal.unitKind } : { role: "public" };
}

export type Task = PublishedKnowledge["tasks"][number];

export interface AnswerContext {
  t: Translate;
  locale: Locale;
  knowledge: PublishedKnowledge;
  viewer: Viewer;
  today: IsoDay;
  /** Where the office is (Asia/Ho_Chi_Minh): the day an instant such as an expiry falls on. */
  timeZone: string;
  calendar: SchoolCalendar;
  /** What the question is about, as the answers rank plans' texts by: the message read (folded,
   * chat spelling spelled out), with the previous question's subject when it refers back to it. */
  question: string;
  /** The message exactly as typed: commands, codes, unit names and notes are read from it. */
  said: string;
  /** The task the previous answer was about, when the question refers back to it ("bộ đó"). */
  focus?: { planId: number | null; taskId: number | null } | undefined;
  /** The question asks yes or no: the sentence that decides it is quoted first. */
  yesNo: boolean;
  /** The sender speaks of their own unit ("trường em", "bên mình", "our school"). */
  selfUnit: boolean;
  /** A change a message asks for is made at once, or only proposed ("Bạn xác nhận …?"). */
  writes: "apply" | "confirm";
  /** Who asks, with their roles: status answers are checked against it in core. */
  actor: Actor;
  db: Db;
  now: Date;
  /** The organisation's units and khối, kept by the assistant between questions. */
  unitTree(): Promise<UnitTree>;
  /** The office's reminder policy (snoozes and previews follow it). */
  reminderPolicy: ReminderPolicy;
  /** Translations in another language than the person's (the sector's forms are Vietnamese). */
  translateIn(locale: Locale): Translate;
}

/** What an answer returns: its blocks, choices when several fit, and what it was about. */
export interface AnswerResult {
  blocks: ReplyBlock[];
  choices?: ReplyChoice[];
  /** A change proposed, not made: the command that makes it when the person says "có". */
  confirm?: string;
  /** The plan and task the answer was about, for a follow-up question ("hồ sơ đó gửi về đâu?"). */
  about?: { planId?: number | undefined; taskId?: number | undefined };
  /** Files sent with the answer (a registration's filled forms). */
  files?: ReplyFile[];
  /** What the answer turned out to be when it is another kind than asked: a passage quoted is a search. */
  answeredAs?: Intent;
}

type Section = PublishedKnowledge["sections"][number];
type Requirement = PublishedKnowledge["requirements"][number];

/** Lookups the answers need on every question, built once per load of the published plans. */
export interface KnowledgeIndex {
  childrenOf: Map<number, Section[]>;
  /** Names of the dossier lists a task closes. */
  listNamesOf: Map<number, string>;
  /** The sentence that introduces a dossier list (tasks on its line). */
  leadOf: Map<number, string>;
  /**
   * What a task is about, for telling which one a status question means: its words, the names and
   * items of the dossier it closes and the headings it stands under ("1. Tổ chức đăng ký thi đua").
   */
  subjectOf: Map<number, string>;
  /** The sections by heading, own text and what stands under them, for general questions. */
  sectionIndex: FieldIndex<Section>;
  /** The dossier lists by name, items and the sentence that introduces them. */
  dossierIndex: FieldIndex<Requirement>;
  /** The share of the other plans' sections that hold a word: a plan's own words are rare elsewhere. */
  elsewhere(word: string, planId: number): number;
}

const indexes = new WeakMap<PublishedKnowledge, KnowledgeIndex>();

/** The index of a knowledge snapshot, made on first use. */
export function indexOf(knowledge: PublishedKnowledge): KnowledgeIndex {
  let index = indexes.get(knowledge);
  if (index) return index;
  const childrenOf = new Map<number, Section[]>();
  for (const s of knowledge.sections) {
    if (s.parentId !== null) childrenOf.set(s.parentId, [...(childrenOf.get(s.parentId) ?? []), s]);
  }
  const listNamesOf = new Map<number, string>();
  for (const r of knowledge.requirements) {
    if (r.taskId !== null) listNamesOf.set(r.taskId, `${listNamesOf.get(r.taskId) ?? ""} ${r.name}`);
  }
  const leadOf = new Map<number, string>();
  for (const r of knowledge.requirements) {
    // The sentence that introduces it, and the step that sends it ("Gửi hồ sơ đề nghị … và video tiết dạy tiêu biểu …").
    const lead = knowledge.tasks
      .filter((t) => (t.planId === r.planId && t.line === r.line) || t.id === r.taskId)
      .map((t) => t.text);
    leadOf.set(r.id, lead.join(" "));
  }
  const sectionById = new Map(knowledge.sections.map((s) => [s.id, s]));
  const subjectOf = new Map<number, string>();
  for (const task of knowledge.tasks) {
    const headings: string[] = [];
    for (let s = sectionById.get(task.sectionId ?? -1); s; s = sectionById.get(s.parentId ?? -1))
      headings.push(s.heading);
    const items = knowledge.requirements.filter((r) => r.taskId === task.id).flatMap((r) => r.items);
    subjectOf.set(
      task.id,
      [
        task.text,
        task.text,
        task.responsible ?? "",
        listNamesOf.get(task.id) ?? "",
        ...items,
        ...headings,
      ].join(" "),
    );
  }
  // What a section or a list is named counts most, then its own text, then what stands under it.
  const sectionIndex = buildFieldIndex(knowledge.sections, {
    heading: { text: (s) => s.heading, boost: 4 },
    body: { text: (s) => s.body, boost: 1 },
    below: {
      text: (s) => (childrenOf.get(s.id) ?? []).map((c) => `${c.heading} ${c.body}`).join(" "),
      boost: 0.3,
    },
  });
  const dossierIndex = buildFieldIndex(knowledge.requirements, {
    name: { text: (r) => r.name, boost: 3 },
    items: { text: (r) => r.items.join(" "), boost: 1 },
    lead: { text: (r) => leadOf.get(r.id) ?? "", boost: 0.2 },
  });
  const sectionWords = new Map<number, Map<string, number>>();
  const sectionCount = new Map<number, number>();
  for (const section of knowledge.sections) {
    const words = sectionWords.get(section.planId) ?? new Map<string, number>();
    for (const w of new Set(topicWords(`${section.heading} ${section.body}`)))
      words.set(w, (words.get(w) ?? 0) + 1);
    sectionWords.set(section.planId, words);
    sectionCount.set(section.planId, (sectionCount.get(section.planId) ?? 0) + 1);
  }
  const elsewhere = (word: string, planId: number) => {
    let held = 0;
    let total = 0;
    for (const [id, words] of sectionWords) {
      if (id === planId) continue;
      held += words.get(word) ?? 0;
      total += sectionCount.get(id) ?? 0;
    }
    return total ? held / total : 0;
  };
  index = {
    childrenOf,
    listNamesOf,
    leadOf,
    subjectOf,
    sectionIndex,
    dossierIndex,
    elsewhere,
  };
  indexes.set(knowledge, index);
  return index;
}

export function planOf(ctx: AnswerContext, planId: number): PublishedPlan | undefined {
  return ctx.knowledge.plans.find((p) => p.id === planId);
}

// "Trường cụm trưởng", "Các khối trưởng", "Khối trưởng các khối thi đua": a step of the groups' leaders alone.
const leadersOnly =
  /^(?:các\s+)?(?:(?:trường|đơn vị)\s+)?(?:(?:khối|cụm)\s+trưởng|trưởng\s+(?:khối|cụm))(?:\s+(?:của\s+)?(?:các|mỗi|từng)\s+(?:khối|cụm)(?:\s+thi đua)?)?$/iu;

/** The leaders a step of the groups' leaders alone is for, as the plan names them; null for any other step. */
export function stepLeaders(ctx: AnswerContext, task: Task): string[] | null {
  if (!leadersOnly.test(task.responsible?.trim() ?? "")) return null;
  const leaders = (planOf(ctx, task.planId)?.groups ?? []).flatMap((g) => (g.leader ? [g.leader] : []));
  return leaders.length ? leaders : null;
}

/** Whether a plan's words name the sender's own unit (their focal role's), or null when they have none. */
export function namesOwnUnit(ctx: AnswerContext): ((words: string) => boolean) | null {
  const role = ctx.actor.roles.find((r) => r.role === "focal" && r.unitName && r.unitKind);
  if (!role?.unitName || !role.unitKind) return null;
  const own = { id: 0, code: "", name: role.unitName, kind: role.unitKind, parentId: null, groups: [] };
  return (words) => words !== "" && unitsNamed(words, [own]).length > 0;
}

/** Whether the focal person's unit leads a khối/cụm of the plan; true when the plan names no leader to tell. */
function leadsAGroup(ctx: AnswerContext, planId: number): boolean {
  const leaders = (planOf(ctx, planId)?.groups ?? []).flatMap((g) => (g.leader ? [g.leader] : []));
  const named = namesOwnUnit(ctx);
  return !leaders.length || !named || leaders.some(named);
}

/** A step of the khối/cụm leaders ("Cụm trưởng gửi biên bản …") when the focal person's unit leads none. */
function othersLeadersStep(ctx: AnswerContext, task: Task): boolean {
  return leadersOnly.test(task.responsible?.trim() ?? "") && !leadsAGroup(ctx, task.planId);
}

// "Cụm 3", "Khối thi đua số II", "cụm 3 (mầm non tư thục)": which group, by its number.
const groupWords = String.raw`(?:khoi|cum)(?: thi dua)?(?: so)? (\d{1,2}|[ivx]{1,4})\b`;
const groupName = new RegExp(`^${groupWords}`);
// A message may name it in English too: "cluster 5", "emulation group 2", "block III".
const groupSaid = String.raw`(?:khoi|cum|cluster|(?:emulation )?group|block)(?: thi dua)?(?: so| no)? (\d{1,2}|[ivx]{1,4})\b`;
const groupMentioned = new RegExp(`\\b${groupSaid}`);

function numberOf(m: RegExpExecArray | null): number | null {
  if (!m?.[1]) return null;
  const n = /^\d+$/.test(m[1]) ? Number(m[1]) : romanValue(m[1]);
  return n && n > 0 ? n : null;
}

/** The number of a khối/cụm's name ("Khối III" → 3), or null when it is not numbered. */
export function groupNumber(name: string): number | null {
  return numberOf(groupName.exec(foldText(name)));
}

/** The number of the khối/cụm a message names anywhere in it ("trong khối 2, …"), or null. */
export function groupNumberSaid(text: string): number | null {
  return numberOf(groupMentioned.exec(foldText(text)));
}

/** Every khối/cụm number a text names ("hồ sơ của Khối 4, Khối 5, Khối 6" → 4, 5, 6). */
export function groupNumbersIn(text: string): number[] {
  const every = new RegExp(groupMentioned.source, "g");
  return [...foldText(text).matchAll(every)].flatMap((m) => numberOf(m) ?? []);
}

/** The khối whose leader or members a unit's names fit, none when there is no unit. */
export function groupsNaming<G extends { leader: string | null; members: string[] }>(
  named: ((words: string) => boolean) | null,
  groups: G[],
): G[] {
  return named ? groups.filter((g) => [g.leader ?? "", ...g.members].some(named)) : [];
}

/** The khối/cụm of its plan a step is for ("Cụm 3" in a schedule by cụm), if its units are one group. */
export function stepGroup(ctx: AnswerContext, task: Task): PublishedPlan["groups"][number] | undefined {
  const words = task.responsible?.trim() ?? "";
  const n = groupNumber(words);
  if (!n || foldText(words).split(" ").length > 6) return undefined;
  return planOf(ctx, task.planId)?.groups.find((g) => groupNumber(g.name) === n);
}

// "Các trường THPT thuộc Khối I và Khối II": units a schedule gives a day by the khối they are in.
const inGroups = /\bthuoc (?:cac )?(?:khoi|cum)\b/;
const groupsOnly = new RegExp(`^${groupWords}(?:\\s*(?:,|va)\\s*${groupWords})+$`);

/** A step for another khối/cụm than the focal person's own, when the plan's groups tell which is theirs. */
function othersGroupStep(ctx: AnswerContext, task: Task): boolean {
  const words = task.responsible ?? "";
  const folded = foldText(words);
  // "Cụm 2, Cụm 3 và Cụm 4": a step several groups share, named by number.
  const several = groupsOnly.test(folded);
  const group = several ? undefined : stepGroup(ctx, task);
  // By number: a plan may number a Sở's khối of Phòng 1–4 and its khối of THPT I–VI, and the step's
  // kind of unit already tells which of the two it means.
  const named = !group && (several || inGroups.test(folded)) ? groupNumbersIn(words) : [];
  // Which groups are the focal person's own is asked only of a step for groups: it is the costly part.
  if (!group && !named.length) return false;
  const own = groupsNaming(namesOwnUnit(ctx), planOf(ctx, task.planId)?.groups ?? []);
  if (!own.length) return false;
  if (group) return !own.includes(group);
  return !own.some((g) => named.includes(groupNumber(g.name) ?? -1));
}

// A unit a plan names by its own name rather than its kind: a school's tổ and its unions.
// Case-sensitive: "Tổ Văn phòng" is a tổ's name, "Tổ trưởng các tổ" is not.
const ownNamedUnit =
  /^(?:[Tt]ổ\s+\p{Lu}|[Cc]ông đoàn|[Đđ]oàn trường|[Đđ]oàn thanh niên|[Cc]hi đoàn|[Ll]iên đội)/u;

/**
 * A step the plan gives to units it names one by one ("Công đoàn cơ sở, Đoàn trường: chậm nhất …",
 * "Tổ Văn phòng: …") when the focal person's unit is not one of them.
 */
function othersNamedStep(ctx: AnswerContext, task: Task): boolean {
  const role = ctx.actor.roles.find((r) => r.role === "focal" && r.unitName);
  if (!role?.unitName) return false;
  // A tổ or a union is told apart from its siblings, a school or an office from the others the step
  // names by name ("Trường THPT Yên Khê và Phòng GDĐT huyện Mường Khê"); a school sees its own parts' steps.
  const part = ownNamedUnit.test(role.unitName);
  if (!part && !/^(?:Trường|Phòng|Trung tâm)\s/u.test(task.responsible ?? "")) return false;
  const parts = unitsOneByOne(ctx, task);
  if (!parts) return false;
  if (!part && !parts.every(namesOneUnit)) return false;
  return !parts.some((part) => partNames(part, role.unitName ?? ""));
}

/** Whether a unit a step names one by one is this unit: "Công đoàn cơ sở" is "Công đoàn cơ sở Trường THPT X". */
export function partNames(part: string, unitName: string): boolean {
  const own = foldText(unitName);
  const named = foldText(part);
  return named !== "" && (own.includes(named) || named.includes(own));
}

/** The units a step names one by one ("Công đoàn cơ sở, Đoàn trường"), or null when it names kinds or roles. */
export function unitsOneByOne(ctx: AnswerContext, task: Task): string[] | null {
  const parts = (task.responsible ?? "")
    .split(/\s*[,;]\s*|\s+(?:và|với)\s+/u)
    .map((p) => p.trim())
    .filter(Boolean);
  const members = (planOf(ctx, task.planId)?.groups ?? []).flatMap((g) => [g.leader ?? "", ...g.members]);
  const particular = (part: string) =>
    ownNamedUnit.test(part) ||
    namesOneUnit(part) ||
    members.some((m) => m !== "" && foldText(m) === foldText(part));
  return parts.length > 0 && parts.every(particular) ? parts : null;
}

// Schools run privately ("trường tư thục", "ngoài công lập", "dân lập") and the public ones ("công lập").
const privateSchools = /\b(?:tu thuc|ngoai cong lap|dan lap)\b/;
const publicSchools = /(?<!\bngoai )\bcong lap\b/;

/** A step for private schools alone shown to a public one, or the other way round ("Trường công lập: …"). */
function othersOwnershipStep(ctx: AnswerContext, task: Task): boolean {
  const words = foldText(task.responsible ?? "");
  // "Các trường mầm non công lập và ngoài công lập": both.
  const privateNamed = privateSchools.test(words);
  const publicNamed = publicSchools.test(words);
  const forPrivate = privateNamed && !publicNamed;
  const forPublic = publicNamed && !privateNamed;
  if (!forPrivate && !forPublic) return false;
  const unitName = ctx.actor.roles.find((r) => r.role === "focal" && r.unitName)?.unitName;
  if (!unitName) return false;
  const ownPrivate = privateSchools.test(foldText(unitName));
  return (forPrivate && !ownPrivate) || (forPublic && ownPrivate);
}

/** A step of other units than the focal person's own: other khối's, the leaders', or units named one by one. */
export function othersStep(ctx: AnswerContext, task: Task): boolean {
  return (
    othersLeadersStep(ctx, task) ||
    othersGroupStep(ctx, task) ||
    othersNamedStep(ctx, task) ||
    othersOwnershipStep(ctx, task)
  );
}

/** The tasks this viewer must know: all for an officer, their unit kind's for a focal person. */
export function visibleTasks(ctx: AnswerContext): Task[] {
  const viewer = ctx.viewer;
  if (viewer.role !== "focal") return ctx.knowledge.tasks;
  return ctx.knowledge.tasks.filter((task) => {
    const audience = taskAudience(task, planOf(ctx, task.planId)?.issuer ?? null);
    if (audience !== null && !audience.includes(viewer.unitKind)) return false;
    return !othersStep(ctx, task);
  });
}

/** "step" for a part numbered by a word ("Bước 2"), which is cited as written rather than as "mục …". */
export function partContext(numbering: string): "step" | undefined {
  return /^\p{L}{2,}\s/u.test(numbering) ? "step" : undefined;
}

/** Where a task stands in its document: "4582/KH-SGDĐT, phụ lục, dòng 16" or "…, mục 1.1". */
export function citeTask(ctx: AnswerContext, task: Task): string {
  const plan = planOf(ctx, task.planId);
  const name = plan?.number ?? plan?.title ?? "";
  if (task.source === "appendix" && task.row !== null)
    return ctx.t("answers.source.appendix", { plan: name, row: task.row });
  const section = ctx.knowledge.sections.find((s) => s.id === task.sectionId);
  let numbered = section;
  while (numbered && (!numbered.numbering || /^[-+*•]$/.test(numbered.numbering))) {
    const parentId = numbered.parentId;
    numbered = ctx.knowledge.sections.find((s) => s.id === parentId);
  }
  if (numbered?.numbering)
    return ctx.t("answers.source.section", {
      plan: name,
      numbering: numbered.numbering,
      context: partContext(numbered.numbering),
    });
  return ctx.t("answers.source.plan", { plan: name });
}

/** One task as a line: its window, its words, who does it and where it is written. */
export function taskLine(ctx: AnswerContext, task: Task): string {
  const when =
    task.startOn && task.dueOn && task.startOn !== task.dueOn && task.deadlineKind === "range"
      ? `${formatDay(task.startOn)} – ${formatDay(task.dueOn)}`
      : task.dueOn
        ? task.deadlineKind === "before"
          ? // "Trước ngày 08/5": the last day is the 7th, and the day the plan names is shown beside it.
            ctx.t("answers.dayBefore", { due: formatDay(task.dueOn), day: formatDay(addDays(task.dueOn, 1)) })
          : formatDay(task.dueOn)
        : ctx.t("answers.unscheduled");
  return ctx.t("answers.taskLine", {
    when,
    task: task.text,
    words: task.deadlineRaw ?? "",
    who: task.responsible ?? ctx.t("answers.anyone"),
    source: citeTask(ctx, task),
  });
}

export const paragraph = (text: string): ReplyBlock => ({ kind: "paragraph", text });
export const list = (items: string[]): ReplyBlock => ({ kind: "list", items });
