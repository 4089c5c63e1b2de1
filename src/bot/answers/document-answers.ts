import {
  expandAbbreviations,
  fold,
  formatDay,
  type PublishedKnowledge,
  resolveAudience,
} from "../../core/index.js";
import type { ReplyBlock } from "../messages.js";
import { foldText } from "../normalize.js";
import { rankSentences, sentencesOf, withPairs } from "../search/field-index.js";
import { answersQuantity, asQuotaUnit, withoutQuantityWords } from "../search/quantity-asked.js";
import { wordsOf } from "../understanding/chat-words.js";
import { cueGroupsOf } from "../understanding/cue-words.js";
import {
  clearLead,
  clearWinnerCoverage,
  closeFit,
  dossierCoverage,
  longPassage,
  namedHeadingBoost,
  ownTitleWord,
  passageCoverage,
  rareInSections,
  sentenceFitFloor,
  statedCountBoost,
  statedQuantityBoost,
  strictPassageCoverage,
  taskFit,
  taskOverDossier,
  titleShareNamed,
  titleWordsNamed,
} from "../understanding/thresholds.js";
import { isQuestionWord, planTextWords, rankByTopic, topicWords } from "../understanding/topic-match.js";
import {
  type AnswerContext,
  type AnswerResult,
  citeTask,
  groupNumber,
  groupNumberSaid,
  groupNumbersIn,
  groupsNaming,
  indexOf,
  list,
  namesOwnUnit,
  paragraph,
  partContext,
  planOf,
  stepGroup,
  type Task,
  visibleTasks,
} from "./answer-context.js";

type Section = PublishedKnowledge["sections"][number];
type Requirement = PublishedKnowledge["requirements"][number];

// Each kind of channel the importer finds has its own words; an unknown one reads as a system.
const channelKinds = new Set(["email", "system", "in_person", "post", "group"]);

// Shared-folder and form services a link is on: people ask for "Google Drive", not the link's code.
const services: [RegExp, string][] = [
  [/^(?:https?:\/\/)?drive\.google\.com\//iu, "Google Drive"],
  [/^(?:https?:\/\/)?(?:docs\.google\.com\/forms|forms\.gle)\//iu, "Google Forms"],
  [/^(?:https?:\/\/)?docs\.google\.com\/spreadsheets\//iu, "Google Sheets"],
  [/^(?:https?:\/\/)?(?:onedrive\.live\.com|1drv\.ms)\//iu, "OneDrive"],
  [/^(?:https?:\/\/)?[\w-]+\.sharepoint\.com\//iu, "SharePoint"],
  [/^(?:https?:\/\/)?forms\.(?:office|microsoft)\.com\//iu, "Microsoft Forms"],
];

// "bản giấy nộp ở đâu" asks for the places papers go; "file mềm gửi đâu" for the addresses files go to.
const paperAsked = /\b(ban (giay|cung|in)|ho so giay|hard ?copy|paper|printed|nop truc tiep|in person)\b/;
const filesAsked =
  /\b(ban|file|tep|ho so) (mem|dien tu|scan|pdf|word)\b|\b(soft ?copy|electronic|digital|online|upload|scan|pdf|e-?mail|mail|gmail)\b|\bfile\b/;
const paperKinds = new Set(["in_person", "post"]);

/** The channels of a plan a question's medium asks for (paper or files), or all when it names neither or none fit. */
function channelsAsked(ctx: AnswerContext, planId: number): PublishedKnowledge["channels"] {
  const ofPlan = ctx.knowledge.channels.filter((c) => c.planId === planId);
  // "+ Cấp mầm non: mamnon@…": a focal person is shown their own level's address, not the others'.
  const viewer = ctx.viewer;
  const issuer = planOf(ctx, planId)?.issuer ?? null;
  // "Cụm 3 · … · https://drive…": a group's own folder, for that group's units.
  const groups = planOf(ctx, planId)?.groups ?? [];
  const ownGroups = groupsNaming(namesOwnUnit(ctx), groups);
  // "Cụm 3" names the group "Cụm 3 (Mầm non tư thục)" by its number.
  const groupOf = (c: (typeof ofPlan)[number]) => {
    if (!c.audience) return undefined;
    const n = groupNumber(c.audience);
    return groups.find((g) =>
      n ? groupNumber(g.name) === n : g.name.toLowerCase() === c.audience?.toLowerCase(),
    );
  };
  // "Tổ 3 · https://drive…": a tổ's own folder, for that tổ (a school's focal person sees every one).
  const ownName = ctx.actor.roles.find((r) => r.role === "focal" && r.unitName)?.unitName ?? "";
  const ownTo = /^tổ\s/iu.test(ownName.trim()) ? foldText(ownName) : null;
  const theirs =
    viewer.role === "focal"
      ? ofPlan.filter((c) => {
          if (ownTo && c.audience && /^tổ\s/iu.test(c.audience.trim())) return foldText(c.audience) === ownTo;
          const group = groupOf(c);
          if (group) return !ownGroups.length || ownGroups.includes(group);
          const audience = resolveAudience(c.audience, issuer);
          return audience === null || audience.includes(viewer.unitKind);
        })
      : ofPlan;
  const all = theirs.length ? theirs : ofPlan;
  const folded = foldText(ctx.question);
  // "… có cần gửi bản giấy không": whether paper is needed, asked beside where to send; every channel.
  if (ctx.yesNo || /\b(co|khong) (can|phai)\b/.test(folded)) return all;
  const paper = paperAsked.test(folded);
  const files = filesAsked.test(folded);
  if (paper === files) return all;
  const fit = all.filter((c) => paperKinds.has(c.kind) === paper);
  return fit.length ? fit : all;
}

/** The channels a plan names, each with its file-name rule. */
export function channelLines(ctx: AnswerContext, planId: number): string[] {
  return channelsAsked(ctx, planId).flatMap((c) => [
    ctx.t(`answers.where.${channelKinds.has(c.kind) ? c.kind : "system"}`, {
      address: `${c.kind === "system" ? withService(c.value) : c.value}${c.audience ? ` (${c.audience})` : ""}`,
    }),
    ...(c.context ? [ctx.t("answers.where.fileName", { pattern: c.context })] : []),
    ...(c.subjectRule ? [ctx.t("answers.where.subject", { pattern: c.subjectRule })] : []),
  ]);
}

/** A link with the name of the service it is on ("Google Drive — https://drive.google.com/…"). */
function withService(address: string): string {
  const service = services.find(([host]) => host.test(address))?.[1];
  return service ? `${service} — ${address}` : address;
}

/** A task whose plan lists no dossier for it: the task, its deadline and where its plan says to send. */
function noDossierListed(ctx: AnswerContext, task: Task): AnswerResult {
  const plan = planOf(ctx, task.planId);
  const blocks: ReplyBlock[] = [
    paragraph(
      ctx.t("answers.requirements.noneForTask", {
        plan: plan?.number ?? plan?.title ?? "",
        task: task.text,
        due: task.dueOn ? formatDay(task.dueOn) : "",
      }),
    ),
  ];
  const channels = channelLines(ctx, task.planId);
  if (channels.length) blocks.push(paragraph(ctx.t("answers.where.title")), list(channels));
  return { blocks, about: { planId: task.planId, taskId: task.id } };
}

/**
 * The task to hand in that a question names clearly better than it names any dossier list, ranked
 * together by the same measure (the lists by name, items and the sentence that introduces them).
 */
function taskNamedOverDossiers(ctx: AnswerContext): Task | undefined {
  const { subjectOf, leadOf } = indexOf(ctx.knowledge);
  type Candidate = { task: Task } | { text: string };
  const candidates: Candidate[] = [
    ...ctx.knowledge.requirements.map((r) => ({
      text: `${r.name} ${r.items.join(" ")} ${leadOf.get(r.id) ?? ""}`,
    })),
    ...visibleTasks(ctx)
      .filter((t) => t.requiresSubmission)
      .map((task) => ({ task })),
  ];
  const ranked = rankByTopic(ctx.question, candidates, (c) =>
    "task" in c ? (subjectOf.get(c.task.id) ?? c.task.text) : c.text,
  );
  const top = ranked[0];
  if (!top || !("task" in top.item) || top.score < taskFit) return undefined;
  const bestList = ranked.find((r) => !("task" in r.item))?.score ?? 0;
  return top.score >= taskOverDossier * bestList ? top.item.task : undefined;
}

/** A task whose plan lists no dossier for it but whose line says what to hand in, quoted. */
function handInOfTask(ctx: AnswerContext, task: Task): AnswerResult {
  const blocks: ReplyBlock[] = [
    paragraph(ctx.t("answers.requirements.fromTask", { task: task.text, source: citeTask(ctx, task) })),
  ];
  if (task.dueOn)
    blocks.push(
      paragraph(
        ctx.t("answers.requirements.due", { due: formatDay(task.dueOn), words: task.deadlineRaw ?? "" }),
      ),
    );
  const channels = channelLines(ctx, task.planId);
  if (channels.length) blocks.push(paragraph(ctx.t("answers.where.title")), list(channels));
  return { blocks, about: { planId: task.planId, taskId: task.id } };
}

// A paper that says its own copies: "Tờ trình … (03 bản chính)", "Báo cáo …: 02 bản".
const ownCopies = /(?<![\p{L}\p{N}])0?\d+\s+(?:bản|bộ)(?![\p{L}\p{N}])/iu;

// "… gộp vào bộ giấy khen được không": the dossier after "chung với", "gộp vào" is what the one asked is compared with.
const comparedWith = /\s((?:chung|cung|gop|ghep|kem)\s+(?:voi|vao))\s.*$/;

/**
 * The question without the dossier it compares the asked one with: `subject` up to the comparison, and
 * `asked` keeping its words ("gộp chung với") but not what follows them.
 */
function withoutCompared(ctx: AnswerContext): { subject: string; asked: string } {
  const folded = foldText(ctx.question);
  const compared = comparedWith.exec(folded);
  if (!compared || folded.slice(0, compared.index).split(" ").length < 3)
    return { subject: ctx.question, asked: ctx.question };
  // Cut where the folded words were found, keeping the marks ("chung" alone may be "chúng").
  const said = folded.length === ctx.question.length ? ctx.question : folded;
  const end = compared.index + 1 + (compared[1]?.length ?? 0);
  return { subject: said.slice(0, compared.index), asked: said.slice(0, end) };
}

/** What a dossier must hold, with copies, channel and deadline. */
export function answerRequirements(ctx: AnswerContext): AnswerResult | null {
  // A list is also known by the sentence that introduces it ("… bình chọn Cờ thi đua … gửi hồ sơ, cụ thể:").
  // "hồ sơ của việc đó": the dossier of the task the last answer was about.
  // "/hoso 12", the button under a reminder: the dossier of task 12, or the one its words fit.
  const picked = Number(/^\/hoso (\d+)$/.exec(ctx.said.trim())?.[1] ?? Number.NaN);
  const pickedTask = ctx.knowledge.tasks.find((t) => t.id === picked);
  const taskId = pickedTask?.id ?? ctx.focus?.taskId;
  const focused = ctx.knowledge.requirements.find((r) => r.taskId !== null && r.taskId === taskId);
  // "có những bộ hồ sơ nào": the plans' lists by name, not one of them.
  if (!pickedTask && taskId === undefined && dossierOverviewAsked.test(foldText(ctx.question))) {
    const overview = dossierOverview(ctx);
    if (overview) return overview;
  }
  if (!pickedTask && taskId === undefined && asksCopiesOrFormat(ctx)) {
    const paper = paperInSeveralLists(ctx);
    if (paper) return paper;
  }
  // "Bằng khen tỉnh tờ trình mấy bản, để chung với bộ giấy khen được không": the dossier it is compared with is not the one asked.
  const compared = withoutCompared(ctx);
  const found = indexOf(ctx.knowledge).dossierIndex.search(pickedTask?.text ?? compared.subject);
  // A task's own dossier is looked for in its own plan only.
  // A list that shares a word or two of a longer question ("năm học") is not the one asked about.
  let best =
    focused ??
    found.find(
      (r) =>
        (!pickedTask || r.item.planId === pickedTask.planId) && (pickedTask || r.coverage >= dossierCoverage),
    )?.item;
  // A question that names a task better than any dossier list ("sinh hoạt khối lần 2 nộp gì?") is
  // answered by that task's own dossier, or else by what the task's line says to hand in.
  const named = taskId === undefined ? taskNamedOverDossiers(ctx) : undefined;
  if (named) {
    // Rows of one task by level ("Nộp hồ sơ … (mục V)" for mầm non, then for tiểu học) share its dossier.
    const same = ctx.knowledge.tasks.filter((t) => t.planId === named.planId && t.text === named.text);
    const own =
      ctx.knowledge.requirements.find((r) => r.taskId === named.id) ??
      ctx.knowledge.requirements.find((r) => same.some((t) => t.id === r.taskId));
    if (!own) return handInOfTask(ctx, named);
    best = own;
  }
  if (!best && pickedTask) return noDossierListed(ctx, pickedTask);
  if (!best) return null;
  if (!focused && !pickedTask) best = ownUnitsList(ctx, best);
  const blocks: ReplyBlock[] = [
    paragraph(ctx.t("answers.requirements.title", { name: best.name })),
    list(best.items),
  ];
  if (best.copies) blocks.push(paragraph(ctx.t("answers.requirements.copies", { copies: best.copies })));
  // "mấy bản, word hay pdf?" of a list that gives none, nor its papers: the forms the plan asks of its dossiers.
  else if (asksCopiesOrFormat(ctx) && (asksFormat(ctx) || !best.items.some((item) => ownCopies.test(item))))
    blocks.push(...planForms(ctx, best.planId));
  const task = ctx.knowledge.tasks.find((t) => t.id === best.taskId);
  if (task?.dueOn) {
    blocks.push(
      paragraph(
        ctx.t("answers.requirements.due", { due: formatDay(task.dueOn), words: task.deadlineRaw ?? "" }),
      ),
    );
  }
  blocks.push(...sentenceBeyondList(ctx, best, compared.asked));
  const channels = channelLines(ctx, best.planId);
  if (channels.length) blocks.push(paragraph(ctx.t("answers.where.title")), list(channels));
  const plan = planOf(ctx, best.planId);
  blocks.push(paragraph(ctx.t("answers.source.plan", { plan: plan?.number ?? plan?.title ?? "" })));
  return { blocks, about: { planId: best.planId, taskId: best.taskId ?? undefined } };
}

/** "Hồ sơ … (Phòng GDĐT)" for a Phòng's focal person shown "Hồ sơ … (các trường THPT)": the same dossier as their kind of unit makes it up. */
function ownUnitsList(ctx: AnswerContext, best: Requirement): Requirement {
  if (ctx.viewer.role !== "focal") return best;
  const kind = ctx.viewer.unitKind;
  const issuer = planOf(ctx, best.planId)?.issuer ?? null;
  const split = (r: Requirement) => /^(.+?)\s*\(([^()]+)\)$/u.exec(r.name);
  const own = split(best);
  if (!own?.[1] || !own[2] || resolveAudience(own[2], issuer)?.includes(kind) !== false) return best;
  const sibling = ctx.knowledge.requirements.find((r) => {
    const parts = split(r);
    if (r.planId !== best.planId || !parts?.[2] || parts[1] !== own[1]) return false;
    return resolveAudience(parts[2], issuer)?.includes(kind) === true;
  });
  return sibling ?? best;
}

/** The copies and forms a plan asks of its dossiers (the first two it names). */
function planForms(ctx: AnswerContext, planId: number): ReplyBlock[] {
  const forms = new Set(
    ctx.knowledge.requirements.filter((r) => r.planId === planId && r.copies).map((r) => r.copies),
  );
  return [...forms].slice(0, 2).map((copies) => paragraph(ctx.t("answers.requirements.copies", { copies })));
}

// "mấy bản", "bao nhiêu bản", "how many copies": a question on the number of copies.
const copiesAsked = /\b(?:may|bao nhieu|so) ban\b|\bcop(?:y|ies)\b/u;

/** "word hay pdf", "bản scan": the form of the files, not only how many copies. */
function asksFormat(ctx: AnswerContext): boolean {
  return cueGroupsOf(wordsOf(ctx.question)).includes("format");
}

/** True when the question asks how many copies, or in what form (word, pdf, bản mềm, định dạng). */
function asksCopiesOrFormat(ctx: AnswerContext): boolean {
  const folded = foldText(ctx.question);
  return copiesAsked.test(folded) || formAsked.test(folded) || asksFormat(ctx);
}

const copyWords = new Set(["ban", "sao", "chinh", "file", "tep"]);
// "theo mẫu nào", "mẫu số mấy": the form a paper is made on.
const formAsked = /\b(?:mau (?:nao|gi|so may|may)|theo mau)\b/;

/**
 * "danh sách trích ngang làm theo mẫu nào, gửi file gì": a paper the question names that several dossier
 * lists hold, each list's own line for it (its form, copies and format differ from list to list); null
 * when the paper is in one list or none.
 */
function paperInSeveralLists(ctx: AnswerContext): AnswerResult | null {
  const asked = new Set(planTextWords(ctx.question));
  // A paper is named by its first three words ("danh sách trích ngang …", "báo cáo thành tích …"), all in
  // the question; "bản", "bản sao" before them say which copy, not which paper ("Bản đăng ký 02 tiết dạy"
  // and "Bản đăng ký sáng kiến" are two papers).
  const names = (item: string) => {
    const words = planTextWords(item);
    const from = words.findIndex((w) => !copyWords.has(w));
    const head = from < 0 ? [] : words.slice(from, from + 3);
    return head.length === 3 && head.every((w) => asked.has(w));
  };
  const lines = ctx.knowledge.requirements.flatMap((r) =>
    r.items.filter(names).map((item) => ({ list: r, item })),
  );
  if (new Set(lines.map((l) => l.list.id)).size < 2) return null;
  return {
    blocks: [
      paragraph(ctx.t("answers.requirements.paperInLists")),
      list(
        lines
          .slice(0, 6)
          .map((l) => ctx.t("answers.requirements.paperLine", { name: l.list.name, item: l.item })),
      ),
    ],
    about: { planId: lines[0]?.list.planId ?? 0 },
  };
}

// "những bộ hồ sơ nào", "có mấy loại hồ sơ", "which dossiers": the lists themselves ("mấy bộ" is copies).
const dossierOverviewAsked =
  /\b(?:nhung|cac) (?:bo|loai) ho so (?:nao|gi)\b|\b(?:may|bao nhieu) loai ho so\b|\b(?:which|what|how many) (?:kinds of )?dossiers\b/;

/** The plans' dossier lists by name and size, when there are several to choose from. */
function dossierOverview(ctx: AnswerContext): AnswerResult | null {
  const lists = ctx.knowledge.requirements;
  if (lists.length < 2) return null;
  return {
    blocks: [
      paragraph(ctx.t("answers.requirements.overview")),
      list(
        lists
          .slice(0, 12)
          .map((r) => ctx.t("answers.requirements.overviewItem", { name: r.name, count: r.items.length })),
      ),
      paragraph(ctx.t("answers.requirements.overviewHint")),
    ],
  };
}

/**
 * A question that asks more than the list names ("bản tóm tắt thành tích cần nêu những nội dung gì",
 * "… làm căn cứ theo nghị định nào") also gets the plan's sentence on it, from the passage it fits.
 */
function sentenceBeyondList(
  ctx: AnswerContext,
  dossier: PublishedKnowledge["requirements"][number],
  question: string,
): ReplyBlock[] {
  const listed = [dossier.name, ...dossier.items, indexOf(ctx.knowledge).leadOf.get(dossier.id) ?? ""];
  const asked = topicWords(question);
  const held = new Set(listed.flatMap((text) => planTextWords(text)));
  const beyond = new Set(asked.filter((w) => !held.has(w)));
  // A paper of the list named ("bản tự đánh giá … ghi những gì"; a word may be typed away) is asked
  // about by itself.
  const named = dossier.items.some((item) => {
    const words = planTextWords(item);
    return words.length > 1 && words.filter((w) => asked.includes(w)).length >= Math.max(2, words.length - 1);
  });
  if (!beyond.size && !named) return [];
  // The part the list stands in says first what else holds of it ("Lập thành bộ riêng, không ghép chung …").
  const own = ctx.knowledge.sections.reduce<Section | undefined>(
    (nearest, s) =>
      s.planId === dossier.planId &&
      s.line !== null &&
      dossier.line !== null &&
      s.line <= dossier.line &&
      s.line > (nearest?.line ?? -1)
        ? s
        : nearest,
    undefined,
  );
  const ownSays = own && beyond.size ? sentenceSaying(ctx, own, listed, beyond, true) : null;
  const section = findPassage(ctx);
  const passage = section?.planId === dossier.planId ? sentenceSaying(ctx, section, listed, beyond) : null;
  const says = passage && (named || planTextWords(passage).some((w) => beyond.has(w))) ? passage : null;
  // The one that says more of what was asked; the list's own part when they say as much.
  const more = (sentence: string | null) =>
    sentence ? new Set(planTextWords(sentence).filter((w) => beyond.has(w))).size : -1;
  const best = more(ownSays) >= more(says) ? ownSays : says;
  return best ? [paragraph(ctx.t("answers.requirements.planSays", { sentence: best }))] : [];
}

/**
 * The best sentence of a section (and its children) for the question that is not the list itself, nor
 * the line that introduces it ("… gồm:") unless that line says what was asked ("…, quy định tại Điều 55
 * Nghị định số 91/2017/NĐ-CP, gồm:").
 */
function sentenceSaying(
  ctx: AnswerContext,
  section: Section,
  listed: string[],
  beyond: Set<string>,
  saysMore = false,
): string | null {
  const children = (indexOf(ctx.knowledge).childrenOf.get(section.id) ?? []).map(
    (c) => `${c.heading} ${c.body}`,
  );
  const best = rankSentences(ctx.question, [section.heading, section.body, ...children].join("\n")).find(
    (r) =>
      r.score > 0 &&
      (!(saysMore || r.sentence.endsWith(":")) || planTextWords(r.sentence).some((w) => beyond.has(w))) &&
      !listed.some((text) => text.includes(r.sentence.replace(/[.;]$/u, ""))),
  );
  return best?.sentence ?? null;
}

/**
 * Where to send: the channels of the plan the question is about (with any file-name rule), the
 * plan's own words for the task it names ("… gửi về Sở (qua Văn phòng Sở) …") and the form and
 * copies its dossier asks for.
 */
export function answerWhereToSubmit(ctx: AnswerContext): AnswerResult | null {
  // "Anh Trọng dùng email gì, em gửi thẳng cho anh ấy": that person's address, not the plan's channels;
  // "gửi qua email chị Thu được không" asks whether that way is allowed, which the channels answer.
  if (asksNamedPersonsEmail(ctx) && !ctx.yesNo) {
    const contact = answerContact(ctx, foldText(ctx.question));
    if (contact) return { blocks: contact, answeredAs: "contact" };
  }
  const { subjectOf } = indexOf(ctx.knowledge);
  const handedIn = visibleTasks(ctx).filter((t) => t.requiresSubmission);
  const ranked = rankByTopic(ctx.question, handedIn, (t) => subjectOf.get(t.id) ?? t.text);
  const top = ranked[0];
  // "bộ đó nộp ở đâu": the task the last answer was about.
  const focused = handedIn.find((t) => t.id === ctx.focus?.taskId);
  const task = focused ?? (top && top.score >= taskFit ? top.item : undefined);
  // Plans whose tasks fit about as well as the best one are each listed; without a task named, every
  // plan that names a channel (up to three).
  const planIds = (
    focused
      ? [focused.planId]
      : task
        ? [
            ...new Set(
              ranked.filter((r) => r.score >= (top?.score ?? 0) - closeFit).map((r) => r.item.planId),
            ),
          ]
        : [...new Set(ctx.knowledge.channels.map((c) => c.planId))]
  ).slice(0, 3);
  // No channel and no task named: the plans' own words on where it goes ("trình … về HĐTĐKT quận").
  if (!planIds.length) {
    const passage = answerSearch(ctx, foldText(ctx.question));
    return passage ? { blocks: passage } : null;
  }
  const blocks: ReplyBlock[] = [paragraph(ctx.t("answers.where.title"))];
  for (const planId of planIds) {
    const channels = channelLines(ctx, planId);
    if (channels.length) blocks.push(list(channels));
    if (task && planIds.length === 1) continue;
    // Which task is meant is not known: the forms the plan asks for ("01 bản file mềm và 01 bản pdf").
    blocks.push(...planForms(ctx, planId));
    blocks.push(paragraph(sourceOf(ctx, planId)));
  }
  blocks.push(...receivers(ctx, planIds));
  if (task && planIds.length === 1) {
    // The step's own words (a cụm's room and session, when it has them) and its day.
    blocks.push(
      paragraph(
        task.dueOn
          ? ctx.t("answers.where.taskDue", {
              task: task.text,
              due: formatDay(task.dueOn),
              source: citeTask(ctx, task),
            })
          : ctx.t("answers.where.task", { task: task.text, source: citeTask(ctx, task) }),
      ),
    );
    const own = ctx.knowledge.requirements.filter((r) => r.taskId === task.id && r.copies);
    const forms = own.length
      ? own
      : ctx.knowledge.requirements.filter((r) => r.planId === task.planId && r.copies);
    for (const copies of new Set(forms.map((r) => r.copies)))
      blocks.push(paragraph(ctx.t("answers.requirements.copies", { copies })));
  }
  // A focal person's own cụm's day in a schedule by cụm ("Cụm 3 · 19/5 · Sáng · Phòng 104"), still to
  // come: where and when their papers go, whatever else the question named.
  if (ctx.viewer.role === "focal" && (!task || !stepGroup(ctx, task))) {
    const own = visibleTasks(ctx)
      .filter((t) => planIds.includes(t.planId) && t.dueOn && t.dueOn >= ctx.today && stepGroup(ctx, t))
      .slice(0, 2);
    for (const t of own)
      blocks.push(
        paragraph(
          ctx.t("answers.where.taskDue", {
            task: t.text,
            due: formatDay(t.dueOn ?? ""),
            source: citeTask(ctx, t),
          }),
        ),
      );
  }
  const paper = paperRule(ctx, planIds);
  blocks.push(...(paper.length ? paper : sentenceBeyondChannels(ctx, planIds, blocks)));
  return { blocks, ...(task ? { about: { planId: task.planId, taskId: task.id } } : {}) };
}

// "Hồ sơ … chỉ nộp bản điện tử, không nộp bản giấy": a plan's word on which dossiers need no paper.
const noPaper =
  /\b(?:khong (?:nop|gui|can|phai nop|phai gui|nhan) (?:them )?ban giay|chi (?:nop|gui|can) ban (?:dien tu|mem|scan))\b/;

// "gửi qua bưu điện được không": the plan's sentence on the post, which a place's channel line does not say.
const postWords = /\b(?:buu dien|buu chinh|chuyen phat)\b/;
const postAsked = new RegExp(
  `${postWords.source}|\\b(?:by post|post office|courier|post (?:it|them|the|our))\\b`,
);

// "gửi bản scan qua email được không": the plan's sentence that limits what its mailbox takes.
const emailAsked = /\b(?:e-?mail|mail|thu dien tu|hop thu)\b/;
const limitsEmail = new RegExp(
  [
    String.raw`\b(?:thu dien tu|e-?mail|mail)\b.*\b(?:chi (?:dung|nhan|tiep nhan)|khong (?:gui|nop|nhan|tiep nhan))\b`,
    String.raw`\b(?:chi (?:dung|nhan|tiep nhan)|khong (?:gui|nop|nhan|tiep nhan))\b.*\b(?:thu dien tu|e-?mail|mail)\b`,
  ].join("|"),
);

// "gửi qua nhóm Zalo được không": the plan's sentence that says what its chat group is for.
const chatAsked = /\b(?:zalo|nhom (?:chat|zalo|tin nhan)|group chat|messenger|telegram|facebook)\b/;
const limitsChat =
  /\b(?:zalo|nhom|group)\b.*\b(?:chi (?:dung|de)|khong (?:gui|nop|nhan|tiep nhan|su dung))\b|\b(?:khong (?:nhan|tiep nhan)).*\b(?:zalo|nhom|tin nhan)\b/;

/**
 * For a question on whether paper is needed, whether it may go by post, what the mailbox or the chat group takes: the
 * plan's sentences that say so, the two best (one says the post is a way, another how its day counts).
 */
function paperRule(ctx: AnswerContext, planIds: number[]): ReplyBlock[] {
  const folded = foldText(ctx.question);
  const says = postAsked.test(folded)
    ? postWords
    : paperAsked.test(folded)
      ? noPaper
      : emailAsked.test(folded)
        ? limitsEmail
        : chatAsked.test(folded)
          ? limitsChat
          : null;
  if (!says) return [];
  // The part that gives the channel asked about ("3. Thư điện tử: địa chỉ …") is where its rule is.
  const kinds = says === limitsEmail ? ["email"] : says === limitsChat ? ["group"] : ["post", "in_person"];
  const addresses = ctx.knowledge.channels
    .filter((c) => planIds.includes(c.planId) && kinds.includes(c.kind))
    .map((c) => c.value);
  const asked = new Set(planTextWords(ctx.question));
  const best = ctx.knowledge.sections
    .filter((s) => planIds.includes(s.planId))
    .flatMap((s) => {
      const gives = addresses.some((a) => s.body.includes(a) || s.heading.includes(a)) ? 1 : 0;
      return rankSentences(ctx.question, `${s.heading}\n${s.body}`).map((r) => ({ ...r, gives }));
    })
    .filter((r) => says.test(foldText(r.sentence)));
  // Scores are of each passage's own sentences; across passages, the one holding more of the question wins.
  const shared = (r: { sentence: string; gives: number }) =>
    planTextWords(r.sentence).filter((w) => asked.has(w)).length + r.gives;
  best.sort((a, b) => shared(b) - shared(a) || b.score - a.score);
  const sentences = [...new Set(best.map((r) => r.sentence))].slice(0, says === noPaper ? 1 : 2);
  return sentences.map((sentence) => paragraph(ctx.t("answers.requirements.planSays", { sentence })));
}

// "nộp cho ai", "ai nhận", "who receives it": the person a dossier is handed to, beside where.
const receiverAsked =
  /\b(?:(?:nop|gui|dua|giao) cho ai|ai (?:nhan|thu|tiep nhan)|nguoi nhan|who (?:receives|takes|collects)|to whom|hand (?:it )?to who)\b/;
const receives = /\b(?:tiep nhan|thu nhan|nhan) (?:ho so|bao cao|ban giay)/;
/** The officers whose duty is receiving dossiers ("tiếp nhận hồ sơ bản giấy tại Văn phòng"). */
const takesPapers = (c: PublishedKnowledge["contacts"][number]) => receives.test(foldText(c.scope ?? ""));

/** For a question that asks who takes the papers: the officers of those plans whose duty is receiving them. */
function receivers(ctx: AnswerContext, planIds: number[]): ReplyBlock[] {
  if (!receiverAsked.test(foldText(ctx.question))) return [];
  const officers = ctx.knowledge.contacts.filter((c) => planIds.includes(c.planId) && takesPapers(c));
  if (!officers.length) return [];
  return [paragraph(ctx.t("answers.where.receiver")), list(officers.map((c) => contactLine(ctx, c, false)))];
}

/**
 * A question on where to send that also asks what the channels do not say ("mỗi file tối đa bao nhiêu
 * MB"): the plan's sentence that holds its rare word.
 */
function sentenceBeyondChannels(ctx: AnswerContext, planIds: number[], said: ReplyBlock[]): ReplyBlock[] {
  const { sectionIndex } = indexOf(ctx.knowledge);
  // Words the reply already holds (channels, file names, the task's own words) are not asked beyond it.
  const shown = new Set(withPairs(planTextWords(JSON.stringify(said))));
  const isRare = (w: string) => {
    const held = sectionIndex.holders(w);
    return !shown.has(w) && held > 0 && held <= rareInSections;
  };
  // A rare word; else two side by side ("hợp lệ": "họp" and "lễ" alone are everywhere).
  const asked = topicWords(ctx.question);
  const words = [...new Set(asked)].filter(isRare);
  const rare = words.length
    ? words
    : [...new Set(withPairs(asked))].filter((w) => w.includes("_") && isRare(w));
  if (!rare.length) return [];
  const holdsRare = (text: string) => withPairs(planTextWords(text)).some((w) => rare.includes(w));
  const sections = ctx.knowledge.sections.filter(
    (s) => planIds.includes(s.planId) && holdsRare(`${s.heading} ${s.body}`),
  );
  const best = sections
    .flatMap((s) => rankSentences(ctx.question, `${s.heading}\n${s.body}`))
    .filter((r) => holdsRare(r.sentence))
    .sort((a, b) => b.score - a.score)[0];
  return best ? [paragraph(ctx.t("answers.requirements.planSays", { sentence: best.sentence }))] : [];
}

const sourceOf = (ctx: AnswerContext, planId: number) => {
  const plan = planOf(ctx, planId);
  return ctx.t("answers.source.plan", { plan: plan?.number ?? plan?.title ?? "" });
};

// "anh Cường", "chị Trang", "thầy Dũng", "đ/c Trọng", "Mr Cuong": a person named by how people address
// them. Read on the typed text: folded, "cô" would be "có" ("có email không").
const addressed =
  /(?<![\p{L}])(?:anh|chị|chi|cô|thầy|thay|ông|ong|bà|đồng chí|dong chi|đ\/c|d\/c|mr\.?|ms\.?|mrs\.?)\s+(\p{L}{3,})/gu;
const asksEmail = /\b(e ?-?mail|mail|hop thu|thu dien tu)\b/;

/** A person's given name, folded: the last word of "Trương Quốc Cường". */
const givenOf = (name: string) => foldText(name).split(/\s+/).pop() ?? "";

/** Whether a question asks the e-mail of someone it addresses by name whom the plans know. */
function asksNamedPersonsEmail(ctx: AnswerContext): boolean {
  if (!asksEmail.test(foldText(ctx.question))) return false;
  return addressedNames(ctx).some(
    (n) =>
      emailsOfName(ctx, n.folded).length > 0 ||
      ctx.knowledge.contacts.some((c) => givenOf(c.name) === n.folded),
  );
}

// A full name after the title, capitalised ("thầy Lê Long Trọng"): its given name is its last word.
// (No "i" flag: with it \p{Lu} would take small letters too; the title's own capital is spelled out.)
const addressedFullName =
  /(?<![\p{L}])(?:[Aa]nh|[Cc]hị|[Cc]hi|[Cc]ô|[Cc]o|[Tt]hầy|[Tt]hay|[Ôô]ng|[Oo]ng|[Bb]à|[Bb]a|[Đđ]ồng chí|[Dd]ong chi|[Đđ]\/c|[Dd]\/c|M[rs]s?\.?)\s+((?:\p{Lu}\p{Ll}*\s+){1,3}\p{Lu}\p{Ll}*)/gu;

/** The given names a question addresses people by ("anh Trọng", "thầy Lê Long Trọng"): as typed and folded. */
function addressedNames(ctx: AnswerContext): { typed: string; folded: string }[] {
  // Capitals are read in the message as typed; the question may have been lowered since.
  const full = [...ctx.said.matchAll(addressedFullName)].map((m) => m[1]?.split(/\s+/).pop() ?? "");
  const given = full.length
    ? full
    : [...ctx.question.toLowerCase().matchAll(addressed)].map((m) => m[1] ?? "");
  return given.map((name) => ({ typed: name, folded: foldText(name) }));
}

/** The plans' e-mail addresses built on a given name ("tqcuong.q1@…" for Cường). */
function emailsOfName(ctx: AnswerContext, given: string): string[] {
  const emails = ctx.knowledge.channels.filter((c) => c.kind === "email").map((c) => c.value);
  return [
    ...new Set(
      emails.filter((e) =>
        foldText(e.split("@")[0] ?? "")
          .replace(/[^a-z]/g, " ")
          .split(" ")
          .some((part) => part.endsWith(given)),
      ),
    ),
  ];
}

const englishLevels: [RegExp, string][] = [
  [/\bpreschool|kindergarten\b/, "mầm non"],
  [/\bprimary\b/, "tiểu học"],
  [/\blower secondary\b/, "trung học cơ sở"],
  [/\bupper secondary|high school\b/, "trung học phổ thông"],
];
// The level of school a focal person's unit is at, as officers' duties name it ("phụ trách … cấp THCS").
const levelOfKind: Partial<Record<string, string>> = {
  mam_non: "mam non",
  tieu_hoc: "tieu hoc",
  thcs: "trung hoc co so",
  thpt: "trung hoc pho thong",
};
// Every officer's duty says "phụ trách thi đua, khen thưởng": rank on what tells them apart.
const overallCharge = /\b(?:phu trach chung|chiu trach nhiem chung|overall|in general charge)\b/;
const genericDuty =
  /\b(phu trach|thi dua|khen thuong|chuyen vien|cong tac|ai|who|in charge|emulation|for)\b/g;

// A head's titles, the deputy's first: a question naming one asks who holds it ("hiệu trưởng là ai").
const headTitles: [RegExp, string][] = [
  [/\b(pho chu tich|vice chair(man|person)?)\b/, "pho chu tich"],
  [/\b(chu tich|chair(man|person)?)\b/, "chu tich"],
  // Who heads a council is its chairman ("người đứng đầu hội đồng", "who heads the council").
  [/\b(dung dau (hoi dong|hd)|head of the( \w+)* council|(heads|leads) the( \w+)* council)\b/, "chu tich"],
  [/\b(pho giam doc|deputy director)\b/, "pho giam doc"],
  [/\b(giam doc|director)\b/, "giam doc"],
  [/\b(pho hieu truong|vice principal|deputy principal)\b/, "pho hieu truong"],
  [/\b(hieu truong|principal|headmaster|head teacher)\b/, "hieu truong"],
  // A board's head ("Trưởng ban Tổ chức hội thi"), its deputy first.
  [/\b(pho truong ban|deputy head of the (organi[sz]ing )?(board|committee))\b/, "pho truong ban"],
  [
    /\b(truong ban|head of the (organi[sz]ing )?(board|committee)|chairs? the (organi[sz]ing )?(board|committee))\b/,
    "truong ban",
  ],
  [/\b(pho truong phong|deputy head)\b/, "pho truong phong"],
  [/\b(truong phong|head of (the )?(office|phong|division))\b/, "truong phong"],
];
// Which body a title belongs to, when the question says: the chairman of the council is not the
// chairman of the People's Committee.
const titleBodies = [/\b(hoi dong|council)\b/, /\b(ubnd|uy ban|committee)\b/];

/**
 * The plans signed by the holder of the title a question names: the signature block's own lines
 * ("CHỦ TỊCH", "HIỆU TRƯỞNG"), not those signing for someone else ("KT. GIÁM ĐỐC") or naming the body
 * ("TM. HỘI ĐỒNG", which only says whose chairman).
 */
function signedByTitle(ctx: AnswerContext, folded: string): PublishedKnowledge["plans"] {
  const asked = headTitles.find(([pattern]) => pattern.test(folded))?.[1];
  if (!asked) return [];
  return ctx.knowledge.plans.filter((plan) => {
    if (!plan.signer || !plan.signerTitle) return false;
    const lines = plan.signerTitle.split(", ").map(foldText);
    const own = lines.filter((l) => !/^(tm|kt|tl|tuq)\b/.test(l)).map((l) => l.replace(/^q\s+/, ""));
    if (!own.includes(asked)) return false;
    const whole = lines.join(" ");
    return titleBodies.every((body) => !body.test(folded) || body.test(whole));
  });
}

// "thuộc khối nào", "khối 2 gồm những trường nào", "which group": a question about the khối themselves.
const groupQuestion = new RegExp(
  [
    "\\b(thuoc|nam trong|o) (khoi|cum)\\b",
    "\\b(khoi|cum)\\b.{0,40}\\b(gom|co) (nhung|cac|bao nhieu|may) (truong|don vi|thanh vien|co so|to|bo phan)\\b",
    "\\bthanh vien (cua|trong) (khoi|cum)\\b",
    "\\b(khoi|cum) thi dua (nao|may)\\b",
    "\\bwhich (group|cluster)\\b",
    "\\bmembers? of\\b",
  ].join("|"),
);

// "khối phó", "phó khối", "cụm phó", "deputy leader of the block".
const groupDeputy = /\b(?:(?:khoi|cum) pho|pho (?:khoi|cum) truong|deputy (?:leader|head|school|of))\b/;

/** Whether a question asks which khối a unit is in or which units a khối holds. */
function asksGroup(folded: string): boolean {
  return groupQuestion.test(folded);
}

/** The khối whose leader or members name the unit of a focal person who speaks of their own unit. */
function groupsOfOwnUnit<G extends { leader: string | null; members: string[] }>(
  ctx: AnswerContext,
  groups: G[],
): G[] {
  return groupsNaming(ctx.selfUnit ? namesOwnUnit(ctx) : null, groups);
}

/** The khối a question names (by number, name or member), with their leaders and, for a few, members. */
function answerGroups(ctx: AnswerContext, folded: string): ReplyBlock[] | null {
  const groups = ctx.knowledge.plans.flatMap((p) => p.groups);
  if (!groups.length) return null;
  // "khối thi đua số 1", "cụm 3": the group of that number, which word matching cannot tell apart.
  const number = groupNumberSaid(folded) ?? /\bso (\d{1,2})\b/.exec(folded)?.[1];
  // "khối VII" is 7 too, as its name may write it.
  const numbered = number
    ? groups.filter(
        (g) => groupNumber(g.name) === Number(number) || new RegExp(`\\b${number}\\b`).test(foldText(g.name)),
      )
    : [];
  // A khối's member units count as its words: "trường THCS Bình Lợi thuộc khối nào" finds its khối; its
  // leader too, named whole where the members are not ("gồm các Phòng GDĐT: huyện A, …; khối trưởng:
  // Phòng GDĐT huyện A").
  const ranked = rankByTopic(ctx.question, numbered.length ? numbered : groups, (g) =>
    [g.name, ...g.members, g.leader ?? ""].join(", "),
  );
  // "trường em thuộc cụm nào": the khối that lists the sender's own unit.
  const mine = number ? [] : groupsOfOwnUnit(ctx, groups);
  // "các khối", "mỗi khối", "each cluster": every khối (or cụm) the plans name, not the best-fitting one.
  const every = everyGroup.exec(folded);
  const kind = every ? (/^(?:khoi|group|block)/.test(every[1] ?? "") ? /^khối/iu : /^cụm/iu) : null;
  const all = kind ? groups.filter((g) => kind.test(g.name)) : [];
  const hits = mine.length
    ? mine
    : all.length
      ? all
      : ranked.length
        ? ranked.filter((r) => r.score >= (ranked[0]?.score ?? 0) - closeFit / 2).map((r) => r.item)
        : groups;
  // Members are listed when a few khối are meant, not in an overview of all of them.
  const withMembers = hits.length <= 3;
  // "… liên hệ ai", "sđt cụm trưởng": the plan's sentences that give a phone for the khối meant.
  const reach = withMembers && asksReach.test(folded) ? hits.flatMap((g) => groupReach(ctx, g)) : [];
  // "… theo dõi Khối thi đua các Phòng GDĐT": an officer whose duty names the khối meant follows it.
  const officers =
    hits.length <= 2
      ? ctx.knowledge.contacts.filter((c) =>
          hits.some((g) => foldText(c.scope ?? "").includes(foldText(g.name))),
        )
      : [];
  return [
    paragraph(ctx.t("answers.contact.groupsTitle")),
    list(
      hits.map((g) => {
        // A cụm's leader is its cụm trưởng, as the plan calls it.
        const key = /^cụm\b/iu.test(g.name) ? "answers.contact.groupCluster" : "answers.contact.group";
        const led = ctx.t(key, { group: g.name, leader: g.leader ?? "—" });
        const line = g.deputy ? ctx.t("answers.contact.groupDeputy", { group: led, deputy: g.deputy }) : led;
        return withMembers && g.members.length
          ? ctx.t("answers.contact.groupMembers", { group: line, members: g.members.join(", ") })
          : line;
      }),
    ),
    ...(reach.length ? [paragraph(ctx.t("answers.contact.groupReach")), list([...new Set(reach)])] : []),
    ...(officers.length
      ? [
          paragraph(ctx.t("answers.contact.groupOfficers")),
          list(officers.map((c) => contactLine(ctx, c, false))),
        ]
      : []),
  ];
}

const everyGroup =
  /\b(?:cac|moi|tung|nhung|each|every|all(?: the)?) (khoi|cum|groups?|blocks?|clusters?)\b(?! (?:truong|pho) \w)/;
// "liên hệ ai", "đầu mối", "số điện thoại", "who to call": the question wants someone to reach.
const asksReach =
  /\b(?:lien he|lien lac|dau moi|sdt|so dien thoai|dien thoai|goi ai|hoi ai|contact|phone|call)\b/;
const phoneNumber = /(?<!\d)0\d{2,3}[ .]?\d{3}[ .]?\d{3,4}(?!\d)/u;

/** The plans' sentences that give a phone for a khối: in a passage naming it, a sentence with a number. */
function groupReach(ctx: AnswerContext, group: { name: string; leader: string | null }): string[] {
  const names = [group.name, group.leader ?? ""].filter(Boolean).map((n) => foldText(n));
  return ctx.knowledge.sections.flatMap((section) => {
    const text = `${section.heading}\n${section.body}`;
    if (!names.some((n) => foldText(text).includes(n))) return [];
    // The sentence itself names the khối, its leader or its contact ("Đầu mối của cụm trưởng: …").
    const aboutGroup = (sentence: string) =>
      names.some((n) => foldText(sentence).includes(n)) ||
      /\b(?:dau moi|khoi truong|cum truong)\b/.test(foldText(sentence));
    return rankSentences(group.name, text)
      .map((r) => r.sentence)
      .filter((sentence) => phoneNumber.test(sentence) && aboutGroup(sentence));
  });
}

/**
 * "Ai làm trưởng ban tổ chức hội thi": the plans' sentence that holds the title asked ("… do ông A, …,
 * làm Trưởng ban"), the one sharing most of the question's words, cited by its part.
 */
function sentenceNamingTitle(ctx: AnswerContext, folded: string): ReplyBlock[] | null {
  const title = headTitles.find(([pattern]) => pattern.test(folded))?.[1];
  if (!title) return null;
  const holds = new RegExp(`\\b${title}\\b`);
  // The holder is a person ("ông A", "Bà B"): a sentence naming the title without one says what it does.
  const person = /(?:^|[\s(,;:–-])(?:[Ôô]ng|[Bb]à|[Đđ]ồng chí|[Đđ]\/c)\s+\p{Lu}/u;
  type Found = { section: (typeof ctx.knowledge.sections)[number]; sentence: string; score: number };
  let best: Found | null = null;
  for (const section of ctx.knowledge.sections) {
    const text = `${section.heading}\n${section.body}`;
    if (!holds.test(foldText(text))) continue;
    for (const r of rankSentences(ctx.question, text))
      if (holds.test(foldText(r.sentence)) && person.test(r.sentence) && r.score > (best?.score ?? 0))
        best = { section, ...r };
  }
  if (!best) return null;
  return [
    passageCitation(ctx, best.section),
    paragraph(ctx.t("answers.search.deciding", { sentence: best.sentence })),
  ];
}

// The asker's own role in a khối or cụm: "as (a) cluster leader", "bên mình là khối trưởng".
const selfRole =
  /\b(?:as (?:an? |the )?(?:cluster|group|block) (?:leader|head)|(?:(?:truong|ben|don vi) )?(?:em|toi|minh) (?:la|lam) (?:khoi|cum) truong(?: (?:khoi|cum)(?: (?:thi dua|so))? \d+)?)\b/;

/** An officer as a line: name, title, duty, phone and, when wanted, e-mail. */
function contactLine(
  ctx: AnswerContext,
  c: PublishedKnowledge["contacts"][number],
  wantsEmail: boolean,
): string {
  // A scope that repeats the title ("chuyên viên; các trường mầm non") is shown once.
  const scope = c.title && c.scope?.startsWith(`${c.title}; `) ? c.scope.slice(c.title.length + 2) : c.scope;
  // A line to call has no title; a council member may have no duty written.
  const key = !c.title
    ? "answers.contact.personNoTitle"
    : scope
      ? "answers.contact.person"
      : "answers.contact.personOnly";
  const person = ctx.t(key, {
    name: c.name,
    title: c.title ?? "",
    scope: scope ?? "",
    phone: c.phone ?? "",
  });
  const reach = c.phone ? ctx.t("answers.contact.withPhone", { person, phone: c.phone }) : person;
  const emails = c.email ? [c.email] : wantsEmail ? emailsOfName(ctx, givenOf(c.name)) : [];
  return emails.length
    ? ctx.t("answers.contact.withEmail", { person: reach, email: emails.join(", ") })
    : reach;
}

/** Who is in charge: officers by scope or by name (with their e-mail), or the khối leaders, or who signed with the title asked; else the plans' words. */
const phoneLine = /^(?:đường dây nóng|hotline|tổng đài|số điện thoại)/iu;

export function answerContact(ctx: AnswerContext, folded: string): ReplyBlock[] | null {
  // A khối's deputy, with the khối when the plan's list of them names it; else the sentence that does.
  if (groupDeputy.test(folded)) {
    const kept = ctx.knowledge.plans.some((p) => p.groups.some((g) => g.deputy));
    const answer = (kept ? answerGroups(ctx, folded) : null) ?? answerSearch(ctx, folded);
    if (answer) return answer;
  }
  // "… as cluster leader", "đơn vị tôi làm khối trưởng, …": who the asker is, not whom they ask for.
  const said = foldText(ctx.said);
  const ownRole = selfRole.test(said);
  const askedFor = ownRole ? said.replace(selfRole, " ") : folded;
  if (cueGroupsOf(wordsOf(ownRole ? askedFor : ctx.said)).includes("leader") || asksGroup(askedFor)) {
    const groups = answerGroups(ctx, folded);
    if (groups) return groups;
  }
  const names = addressedNames(ctx);
  const named = ctx.knowledge.contacts.filter((c) => names.some((n) => n.folded === givenOf(c.name)));
  const byScope = () => {
    const question = englishLevels.reduce(
      (q, [pattern, vi]) => (pattern.test(folded) ? `${q} ${vi}` : q),
      ctx.question,
    );
    // "nộp cho ai": the officers who take the papers in.
    const takers = receiverAsked.test(folded) ? ctx.knowledge.contacts.filter(takesPapers) : [];
    if (takers.length) return takers;
    // "ai phụ trách chung": the officer whose duty is the whole of the work, which no topic word tells.
    const overall = overallCharge.test(folded)
      ? ctx.knowledge.contacts.filter((c) => overallCharge.test(foldText(c.scope ?? "")))
      : [];
    if (overall.length) return overall;
    // An officer is found by their duty and title ("thầy bí thư chi đoàn"), a line to call ("Đường dây
    // nóng Bộ phận Thi đua") by its name.
    const ranked = rankByTopic(foldText(question).replace(genericDuty, " "), ctx.knowledge.contacts, (c) =>
      foldText(`${c.scope ?? ""} ${c.title ?? ""} ${phoneLine.test(c.name) ? c.name : ""}`).replace(
        genericDuty,
        " ",
      ),
    );
    const best = ranked.length ? [ranked[0]?.item].filter((c) => c !== undefined) : ctx.knowledge.contacts;
    // A focal person who names no khối is answered first with the officer whose duty names their own
    // ("Tiếp nhận hồ sơ của Khối 4, Khối 5, Khối 6").
    const ownGroups = new Set(
      ctx.viewer.role === "focal" && groupNumberSaid(folded) === null
        ? groupsNaming(
            namesOwnUnit(ctx),
            ctx.knowledge.plans.flatMap((p) => p.groups),
          ).flatMap((g) => groupNumber(g.name) ?? [])
        : [],
    );
    const ofOwnGroup = ctx.knowledge.contacts.filter((c) =>
      groupNumbersIn(c.scope ?? "").some((n) => ownGroups.has(n)),
    );
    if (ofOwnGroup.length) return [...ofOwnGroup, ...best.filter((c) => !ofOwnGroup.includes(c))].slice(0, 3);
    // A school's focal person who names no level ("trường em liên hệ chuyên viên nào") is answered with
    // the officer in charge of their level first.
    const level = ctx.viewer.role === "focal" ? levelOfKind[ctx.viewer.unitKind] : undefined;
    // Abbreviations spelt out on both sides: a scope written "cấp THCS" is the THCS school's level.
    const asked = expandAbbreviations(foldText(question));
    const namesLevel = Object.values(levelOfKind).some((l) => l && asked.includes(l));
    if (!level || namesLevel) return best;
    const own = ctx.knowledge.contacts.filter((c) =>
      expandAbbreviations(foldText(c.scope ?? "")).includes(level),
    );
    return own.length ? [...own, ...best.filter((c) => !own.includes(c))] : best;
  };
  // "Chủ tịch Hội đồng … là ai": the one who signed as such, when no contact holds that title.
  const signed = named.length ? [] : signedByTitle(ctx, folded);
  const titled = (c: (typeof ctx.knowledge.contacts)[number]) =>
    headTitles.some(
      ([pattern]) => pattern.test(folded) && pattern.test(foldText(`${c.title ?? ""} ${c.scope ?? ""}`)),
    );
  if (signed.length && !ctx.knowledge.contacts.some(titled))
    return [
      list(
        signed.map((plan) =>
          ctx.t("answers.contact.signedAs", {
            signer: plan.signer ?? "",
            title: plan.signerTitle ?? "",
            plan: plan.number ?? plan.title ?? "",
          }),
        ),
      ),
    ];
  // "ai là chủ tịch hội đồng xét sáng kiến": a title no officer listed holds and no one signed as is
  // in the plan's text (a council's member list), not with the officers.
  if (
    !named.length &&
    headTitles.some(([pattern]) => pattern.test(folded)) &&
    !ctx.knowledge.contacts.some(titled)
  ) {
    const passage = sentenceNamingTitle(ctx, folded) ?? answerSearch(ctx, folded);
    if (passage) return passage;
  }
  const contacts = named.length ? named : byScope();
  const wantsEmail = asksEmail.test(folded) || names.length > 0;
  const lines = contacts.map((c) => contactLine(ctx, c, wantsEmail));
  // Whoever takes the papers is asked for with where they go: the places to hand them in.
  const places = receiverAsked.test(folded)
    ? ctx.knowledge.channels
        .filter((ch) => paperKinds.has(ch.kind) && contacts.some((c) => c.planId === ch.planId))
        .map((ch) => ctx.t(`answers.where.${ch.kind}`, { address: ch.value }))
    : [];
  if (lines.length)
    return [
      paragraph(ctx.t("answers.contact.title")),
      list(lines),
      ...(places.length ? [paragraph(ctx.t("answers.where.title")), list(places)] : []),
    ];
  // A person the plans name only in an address ("gửi … email lelongtrong_sogddt@…" for anh Trọng).
  for (const name of names) {
    const emails = emailsOfName(ctx, name.folded);
    if (emails.length)
      return [paragraph(ctx.t("answers.contact.emailOf", { name: name.typed, email: emails.join(", ") }))];
  }
  // No one listed: the plans' own words on whom to turn to ("báo cáo về Sở qua Văn phòng Sở"), after
  // every address they give when an e-mail is what was asked.
  const passage = answerSearch(ctx, folded);
  const emails = [...new Set(ctx.knowledge.channels.filter((c) => c.kind === "email").map((c) => c.value))];
  if (!asksEmail.test(folded) || !emails.length) return passage;
  return [paragraph(ctx.t("answers.contact.planEmails", { emails: emails.join(", ") })), ...(passage ?? [])];
}

const isBullet = (numbering: string) => /^[-+*•]$/.test(numbering);

/** The section itself, or the nearest one above it that has a number to cite ("mục 2.4", not "mục -"). */
function numberedAncestor(ctx: AnswerContext, section: Section): Section | undefined {
  let current: Section | undefined = section;
  while (current && (!current.numbering || isBullet(current.numbering))) {
    const parentId: number | null = current.parentId;
    current = ctx.knowledge.sections.find((s) => s.id === parentId);
  }
  return current;
}

// The words that name a place's kind before its name: "quận Long Biên", "huyện Kim Sơn", "TP Thủ Đức".
const placeKinds = new Set([
  "quan",
  "huyen",
  "tinh",
  "thanh",
  "pho",
  "tp",
  "thi",
  "xa",
  "phuong",
  "district",
  "city",
  "province",
]);

/**
 * The question without the place its plan was issued in ("… của quận Long Biên"): every passage of
 * that plan is about that place, and the one that happens to repeat its name is not the one asked.
 */
function withoutOwnPlace(ctx: AnswerContext, question: string): string {
  const words = topicWords(question);
  for (const place of ctx.knowledge.plans.flatMap((p) => [
    planTextWords(p.place ?? ""),
    issuerArea(p.issuer),
  ])) {
    if (!place?.length) continue;
    const at = words.findIndex((_, i) => place.every((w, k) => words[i + k] === w));
    if (at < 0) continue;
    let start = at;
    while (start > 0 && placeKinds.has(words[start - 1] ?? "")) start--;
    const rest = [...words.slice(0, start), ...words.slice(at + place.length)];
    if (rest.length) return rest.join(" ");
  }
  return question;
}

// The office before the area in an issuer's name: "Sở Giáo dục và Đào tạo Hà Nội", "Phòng GDĐT Quận 1".
const officeOfArea = /^(?:sở|phòng)\s+(?:giáo dục và đào tạo|giáo dục - đào tạo|gd&?đt|gdđt)\s+/iu;

/** The area an issuer's name ends with ("Hà Nội" of "Sở GDĐT Hà Nội"), as words; none for a bare office. */
function issuerArea(issuer: string | null): string[] | null {
  if (!issuer || !officeOfArea.test(issuer)) return null;
  return planTextWords(issuer.replace(officeOfArea, ""));
}

/** The question to search by and the plan to search in, when the question names a plan by its title. */
function withinNamedPlan(ctx: AnswerContext): { question: string; planId: number | null } {
  const asked = topicWords(ctx.question);
  // A question names a plan when a good part of it is the plan's title ("… trong phong trào thi đua
  // chống dịch"), whether one plan is published or several.
  const { elsewhere } = indexOf(ctx.knowledge);
  // Only the title's own words count: "thi đua" or "ngành" in a question names no plan.
  const named = ctx.knowledge.plans
    .map((plan) => {
      const title = new Set(planTextWords(plan.title ?? ""));
      const shared = asked.filter((w) => title.has(w) && elsewhere(w, plan.id) < ownTitleWord).length;
      return { plan, title, shared };
    })
    .filter((p) => p.shared >= titleWordsNamed && p.shared / asked.length >= titleShareNamed)
    .sort((a, b) => b.shared - a.shared)[0];
  // The title's words go, but for those that make a phrase of the plans with a word of the
  // question's own ("hình thức" keeps its "thức" though the title says "tổ chức thực hiện").
  const { sectionIndex } = indexOf(ctx.knowledge);
  const own = (i: number) =>
    named !== undefined && i >= 0 && i < asked.length && !named.title.has(asked[i] ?? "");
  const phrase = (a: number, b: number) => sectionIndex.holders(`${asked[a]}_${asked[b]}`) > 0;
  const rest = named
    ? asked.filter((_, i) => own(i) || (own(i - 1) && phrase(i - 1, i)) || (own(i + 1) && phrase(i, i + 1)))
    : [];
  // Nothing left but the title: the question is about the plan as a whole.
  if (!named || !asked.some((_, i) => own(i))) return { question: ctx.question, planId: null };
  return { question: rest.join(" "), planId: named.plan.id };
}

/**
 * The best passage for a general question, or null when no section holds enough of it. `strict`: the
 * message was not recognised as a question about the plans, so the passage must hold most of its
 * words and, for two words or more, two of them side by side.
 */
export function findPassage(ctx: AnswerContext, options: { strict?: boolean } = {}): Section | null {
  // A question that names a plan by its title ("… phong trào thi đua chống dịch") is searched in that
  // plan, with the title's words set aside: every section of the plan is about them.
  const withinPlan = withinNamedPlan(ctx);
  const { planId } = withinPlan;
  const question = asQuotaUnit(withoutOwnPlace(ctx, withinPlan.question));
  const { childrenOf, sectionIndex } = indexOf(ctx.knowledge);
  // A section whose heading the question names whole ("hình thức khen thưởng … là gì?") is the one
  // asked about, before a longer one that mentions the same words among others.
  const asked = new Set(topicWords(question));
  // "mỗi đơn vị đề nghị bao nhiêu …": a passage that states a number is the likelier answer.
  const quantity = answersQuantity(foldText(question));
  const named = (section: Section) => {
    const heading = planTextWords(section.heading);
    if (heading.length > 0 && heading.every((w) => asked.has(w))) return true;
    // "2.2. Danh hiệu "Chiến sĩ thi đua cơ sở": xét tặng … không quá 15% …", "- Giấy khen cá nhân: …": how
    // many of a title is asked of the point that opens with it, by its label or the title quoted in it
    // (a rule about the title, "… dùng lại để xét CSTĐCS được không", may stand anywhere).
    if (!quantity?.counted) return false;
    const label = /^([^:]{3,80}?):\s/u.exec(section.heading)?.[1] ?? "";
    const quoted = /[“"]([^”"]{3,60})[”"]/u.exec(label)?.[1];
    return [label, quoted ?? ""].some((words) => {
      const said = planTextWords(words);
      const found = said.filter((w) => asked.has(w)).length;
      return found > 1 && said.every((w) => asked.has(w) || isQuestionWord(w));
    });
  };
  const fitOf = sectionIndex.sentenceFit(question);
  // The number stated in a sentence about what was asked: "3%" of "Bằng khen UBND tỉnh", not the 50%
  // of a co-author's share elsewhere (the whole question counts here, the plan's title included).
  // Two words side by side say what a sentence is about: "bằng khen", not a lone "tính".
  const about = new Set(
    quantity ? withPairs(withoutQuantityWords(topicWords(ctx.question))).filter((t) => t.includes("_")) : [],
  );
  const withPoints = (section: Section) =>
    [
      section.heading,
      section.body,
      ...(childrenOf.get(section.id) ?? []).map((c) => `${c.heading} ${c.body}`),
    ].join("\n");
  const statesAsked = (text: string) =>
    sentencesOf(text).some(
      (s) =>
        quantity?.states(fold(s)) && (!about.size || withPairs(planTextWords(s)).some((t) => about.has(t))),
    );
  const ranked = (within?: (s: Section) => boolean) =>
    sectionIndex
      .search(question, within)
      .slice(0, 10)
      // A section whose one sentence holds the question's rare words together ("mỗi đơn vị phân công 01
      // lãnh đạo và 01 cán bộ đầu mối") answers it better than one that has them scattered.
      .map((hit) => ({
        ...hit,
        score:
          hit.score *
          (named(hit.item) ? namedHeadingBoost : 1) *
          // Folded with its signs: "15%" states a share; a heading states what its points state.
          (quantity && statesAsked(withPoints(hit.item))
            ? quantity.counted
              ? statedCountBoost
              : statedQuantityBoost
            : 1) *
          (sentenceFitFloor + fitOf(`${hit.item.heading}\n${hit.item.body}`)) ** 2,
      }))
      .sort((a, b) => b.score - a.score);
  const [best, next] = ranked(planId === null ? undefined : (s) => s.planId === planId);
  // A chatty question (a case told at length, then "… có còn được xét … không") holds many words no
  // passage has: one far ahead of every other is its answer with fewer of them.
  const clearWinner =
    !options.strict &&
    best &&
    best.coverage >= clearWinnerCoverage &&
    best.score >= clearLead * (next?.score ?? 0);
  if (!best || (!clearWinner && best.coverage < (options.strict ? strictPassageCoverage : passageCoverage)))
    return null;
  if (options.strict && best.words > 1 && !best.pairs) return null;
  // A part under the best section that the question names by its heading ("… ở cấp ngành" under
  // "Bình xét thi đua cuối năm") is the passage to quote.
  let section = best.item;
  for (;;) {
    const parts = new Set(
      (childrenOf.get(section.id) ?? [])
        .filter((c) => c.numbering && !isBullet(c.numbering))
        .map((c) => c.id),
    );
    // Siblings differ by their headings: one the question names whole is taken before the rest.
    const candidates = parts.size ? ranked((s) => parts.has(s.id)) : [];
    const part = (candidates.find((c) => named(c.item)) ?? candidates[0])?.item;
    const own = new Set(planTextWords(section.heading));
    if (!part || planTextWords(part.heading).every((w) => own.has(w) || !asked.has(w))) break;
    section = part;
  }
  return section;
}

/**
 * Where a passage stands: its plan and numbered part. A bullet is cited by the numbered part it is
 * under, with that part's heading: "- Là đơn vị Thường trực …" says who only under "2. Văn phòng Sở".
 */
function passageCitation(ctx: AnswerContext, section: Section): ReplyBlock {
  const plan = planOf(ctx, section.planId);
  const numbered = numberedAncestor(ctx, section);
  const cite = {
    plan: plan?.number ?? plan?.title ?? "",
    numbering: numbered?.numbering ?? "",
    heading: numbered?.heading.replace(/[:.]\s*$/u, "") ?? "",
  };
  const key = !numbered
    ? "answers.search.titlePlain"
    : numbered !== section
      ? "answers.search.titleUnder"
      : "answers.search.title";
  return paragraph(ctx.t(key, { ...cite, context: partContext(cite.numbering) }));
}

/** A general question: the passage of a published plan that best answers it, with its citation. */
export function answerSearch(ctx: AnswerContext, folded: string): ReplyBlock[] | null {
  if (/\b(ai ky|nguoi ky|who signed)\b/.test(folded)) {
    const ranked = rankByTopic(
      ctx.question,
      ctx.knowledge.plans,
      (p) => `${p.title ?? ""} ${p.number ?? ""}`,
    );
    const plan = ranked[0]?.item ?? ctx.knowledge.plans[0];
    if (!plan?.signer) return null;
    return [
      paragraph(
        ctx.t("answers.contact.signer", { plan: plan.number ?? plan.title ?? "", signer: plan.signer }),
      ),
    ];
  }
  if (asksGroup(folded)) {
    const groups = answerGroups(ctx, folded);
    if (groups) return groups;
  }
  const found = findPassage(ctx);
  if (!found) return null;
  const { childrenOf } = indexOf(ctx.knowledge);
  // "… hồ sơ nộp chậm được xử lý theo Điều 15.": a short passage that only points to an article of
  // the same plan is answered by that article.
  const said = [
    found.heading,
    found.body,
    ...(childrenOf.get(found.id) ?? []).map((s) => `${s.heading} ${s.body}`),
  ].join(" ");
  const pointer = said.length < shortPointer ? articleRef.exec(said) : null;
  const pointed =
    (pointer?.[1] &&
      ctx.knowledge.sections.find((s) => s.planId === found.planId && s.numbering === pointer[1])) ||
    found;
  // "d) Nếu vẫn bằng nhau, …" of a rule's lettered cases ("… xét ưu tiên lần lượt:"): the rule with all
  // its cases, the one that decides first, where the whole is short enough to read (a case with points
  // of its own is quoted whole).
  const lead = ctx.knowledge.sections.find((s) => s.id === pointed.parentId);
  const parent =
    /^[a-zđ]$/u.test(pointed.numbering ?? "") &&
    !childrenOf.get(pointed.id)?.length &&
    lead &&
    /:\s*$/u.test(lead.body || lead.heading)
      ? lead
      : undefined;
  const whole = parent
    ? [
        parent.heading,
        parent.body,
        ...(childrenOf.get(parent.id) ?? []).map((s) => `${s.heading} ${s.body}`),
      ].join(" ")
    : "";
  const section = parent && whole.length <= wholeRule ? parent : pointed;
  // Quote the section with its items, so a list under a heading comes with it.
  const children = (childrenOf.get(section.id) ?? []).map((s) => `${s.heading} ${s.body}`.trim());
  // The sentence that decides the question comes first when the passage is long or the question
  // asks yes or no ("Tập thể có … có được xét … không?").
  const passage = [section.heading, section.body, ...children].join("\n");
  const [deciding] = rankSentences(ctx.question, passage);
  const quote =
    deciding && deciding.score > 0 && (ctx.yesNo || passage.length > longPassage)
      ? [paragraph(ctx.t("answers.search.deciding", { sentence: houseDates(deciding.sentence) }))]
      : [];
  return [
    passageCitation(ctx, section),
    ...quote,
    paragraph(houseDates([section.heading, section.body].filter(Boolean).join("\n"))),
    ...(children.length ? [list(children.slice(0, 12).map(houseDates))] : []),
  ];
}

// A rule's lettered cases are quoted together up to this length (characters).
const wholeRule = 1200;
const articleRef = /(?:theo|tại)\s+(Điều\s+\d{1,3})(?!\d|\.\d)/u;
// A passage this short that points to an article says no more than where to look.
const shortPointer = 200;

// "đến hết ngày 30/6/2027" quoted as "30/06/2027": every full date in an answer reads dd/mm/yyyy.
const houseDates = (text: string) =>
  text.replace(
    /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/gu,
    (_, d: string, m: string, y: string) => `${d.padStart(2, "0")}/${m.padStart(2, "0")}/${y}`,
  );
