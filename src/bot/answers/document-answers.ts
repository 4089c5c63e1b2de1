import { formatDay, type PublishedKnowledge } from "../../core/index.js";
import type { ReplyBlock } from "../messages.js";
import { foldText } from "../normalize.js";
import { rankByTopic, topicWords } from "../understanding/topic-match.js";
import { type AnswerContext, indexOf, list, paragraph, planOf } from "./answer-context.js";

type Requirement = PublishedKnowledge["requirements"][number];
type Section = PublishedKnowledge["sections"][number];

/** The channels a plan names, each with its file-name rule. */
export function channelLines(ctx: AnswerContext, planId: number): string[] {
  return ctx.knowledge.channels
    .filter((c) => c.planId === planId)
    .flatMap((c) => [
      ctx.t(c.kind === "email" ? "answers.where.email" : "answers.where.system", { address: c.value }),
      ...(c.context ? [ctx.t("answers.where.fileName", { pattern: c.context })] : []),
    ]);
}

/** What a dossier must hold, with copies, channel and deadline. */
export function answerRequirements(ctx: AnswerContext): ReplyBlock[] | null {
  // A list is also known by the sentence that introduces it ("… bình chọn Cờ thi đua … gửi hồ sơ, cụ thể:").
  const { dossierOf } = indexOf(ctx.knowledge);
  const ranked = rankByTopic(
    ctx.question,
    ctx.knowledge.requirements,
    (r: Requirement) => dossierOf.get(r.id) ?? r.name,
  );
  const best = ranked[0]?.item;
  if (!best) return null;
  const blocks: ReplyBlock[] = [
    paragraph(ctx.t("answers.requirements.title", { name: best.name })),
    list(best.items),
  ];
  if (best.copies) blocks.push(paragraph(ctx.t("answers.requirements.copies", { copies: best.copies })));
  const task = ctx.knowledge.tasks.find((t) => t.id === best.taskId);
  if (task?.dueOn) {
    blocks.push(
      paragraph(
        ctx.t("answers.requirements.due", { due: formatDay(task.dueOn), words: task.deadlineRaw ?? "" }),
      ),
    );
  }
  const channels = channelLines(ctx, best.planId);
  if (channels.length) blocks.push(paragraph(ctx.t("answers.where.title")), list(channels));
  const plan = planOf(ctx, best.planId);
  blocks.push(paragraph(ctx.t("answers.source.plan", { plan: plan?.number ?? plan?.title ?? "" })));
  return blocks;
}

/** Where to send: the channels of the plan(s) the question is about, with any file-name rule. */
export function answerWhereToSubmit(ctx: AnswerContext): ReplyBlock[] | null {
  const withChannels = ctx.knowledge.tasks.filter((t) =>
    ctx.knowledge.channels.some((c) => c.planId === t.planId),
  );
  const ranked = rankByTopic(ctx.question, withChannels, (t) => t.text);
  const best = ranked[0]?.score ?? 0;
  // Plans that fit the question about as well as the best one each get their channels listed.
  const planIds = ranked.length
    ? [...new Set(ranked.filter((r) => r.score >= best - 0.1).map((r) => r.item.planId))].slice(0, 3)
    : [...new Set(ctx.knowledge.channels.map((c) => c.planId))];
  if (!planIds.length) return null;
  const blocks: ReplyBlock[] = [paragraph(ctx.t("answers.where.title"))];
  for (const planId of planIds) {
    const plan = planOf(ctx, planId);
    blocks.push(
      list(channelLines(ctx, planId)),
      paragraph(ctx.t("answers.source.plan", { plan: plan?.number ?? plan?.title ?? "" })),
    );
  }
  return blocks;
}

/** Who is in charge: officers by scope, or the khối leaders. */
export function answerContact(ctx: AnswerContext, folded: string): ReplyBlock[] | null {
  const groups = ctx.knowledge.plans.flatMap((p) => p.groups);
  if (/\b(khoi truong|truong khoi|leader)\b/.test(folded) && groups.length) {
    const ranked = rankByTopic(ctx.question, groups, (g) => g.name);
    const hits = ranked.length
      ? ranked.filter((r) => r.score >= (ranked[0]?.score ?? 0) - 0.05).map((r) => r.item)
      : groups;
    return [
      paragraph(ctx.t("answers.contact.groupsTitle")),
      list(hits.map((g) => ctx.t("answers.contact.group", { group: g.name, leader: g.leader ?? "—" }))),
    ];
  }
  const englishLevels: [RegExp, string][] = [
    [/\bpreschool|kindergarten\b/, "mầm non"],
    [/\bprimary\b/, "tiểu học"],
    [/\blower secondary\b/, "trung học cơ sở"],
    [/\bupper secondary|high school\b/, "trung học phổ thông"],
  ];
  const question = englishLevels.reduce(
    (q, [pattern, vi]) => (pattern.test(folded) ? `${q} ${vi}` : q),
    ctx.question,
  );
  // Every officer's duty says "phụ trách thi đua, khen thưởng": rank on what tells them apart.
  const generic = /\b(phu trach|thi dua|khen thuong|chuyen vien|cong tac|ai|who|in charge|emulation|for)\b/g;
  const ranked = rankByTopic(foldText(question).replace(generic, " "), ctx.knowledge.contacts, (c) =>
    foldText(c.scope ?? "").replace(generic, " "),
  );
  const contacts = ranked.length ? [ranked[0]?.item].filter((c) => c !== undefined) : ctx.knowledge.contacts;
  if (!contacts.length) return null;
  return [
    paragraph(ctx.t("answers.contact.title")),
    list(
      contacts.map((c) =>
        ctx.t("answers.contact.person", {
          name: c.name,
          title: c.title ?? "",
          scope: c.scope ?? "",
          phone: c.phone ?? "",
        }),
      ),
    ),
  ];
}

// Longer than this, a "heading" is a paragraph that starts with a number.
const headingWords = 15;

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

/** The sections to search and the question to rank them by, narrowed to a plan the question names. */
function withinNamedPlan(ctx: AnswerContext): { question: string; sections: Section[] } {
  const all = { question: ctx.question, sections: ctx.knowledge.sections };
  if (ctx.knowledge.plans.length < 1) return all;
  const named = rankByTopic(ctx.question, ctx.knowledge.plans, (p) => p.title ?? "")[0];
  if (!named || named.score < 0.5) return all;
  const titleWords = new Set(topicWords(named.item.title ?? ""));
  const rest = topicWords(ctx.question).filter((w) => !titleWords.has(w));
  // Nothing left but the title: the question is about the plan as a whole.
  if (!rest.length) return all;
  return {
    question: rest.join(" "),
    sections: ctx.knowledge.sections.filter((s) => s.planId === named.item.id),
  };
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
  // A question that names a plan by its title ("… phong trào thi đua chống dịch") is searched in that
  // plan, with the title's words set aside: every section of the plan is about them.
  const { question, sections } = withinNamedPlan(ctx);
  // A heading is searched with what stands under it: its text and its items.
  const { childrenOf, passageOf } = indexOf(ctx.knowledge);
  const text = (s: Section) => passageOf.get(s.id) ?? s.heading;
  // A long section shares words with anything: what its heading names counts again. Only a real
  // heading ("1. Hình thức khen thưởng"): a bullet's or a numbered paragraph's "heading" is its whole
  // sentence.
  const headed = sections.filter(
    (s) => s.numbering && !isBullet(s.numbering) && s.heading.split(" ").length <= headingWords,
  );
  const headingScore = new Map(rankByTopic(question, headed, (s) => s.heading).map((r) => [r.item, r.score]));
  // …and a long passage is discounted, so a short section that says the thing wins over a chapter.
  const lengthOf = (s: Section) => text(s).split(" ").length;
  const ranked = rankByTopic(question, sections, text)
    .map((r) => ({
      item: r.item,
      score: (r.score + (headingScore.get(r.item) ?? 0)) / (1 + Math.log10(1 + lengthOf(r.item) / 60)),
    }))
    .sort((a, b) => b.score - a.score);
  const best = ranked[0];
  if (!best || best.score < 0.25) return null;
  // A part under the best section that the question names by its heading ("… ở cấp ngành" under
  // "Bình xét thi đua cuối năm") is the passage to quote.
  let section = best.item;
  for (;;) {
    const parts = (childrenOf.get(section.id) ?? []).filter((c) => c.numbering && !isBullet(c.numbering));
    const part = rankByTopic(question, parts, (c) => c.heading)[0]?.item;
    const own = new Set(topicWords(section.heading));
    if (!part || topicWords(part.heading).every((w) => own.has(w))) break;
    section = part;
  }
  // Quote the section with its items, so a list under a heading comes with it.
  const children = (childrenOf.get(section.id) ?? []).map((s) => `${s.heading} ${s.body}`.trim());
  const plan = planOf(ctx, section.planId);
  return [
    paragraph(
      ctx.t("answers.search.title", {
        plan: plan?.number ?? plan?.title ?? "",
        numbering: numberedAncestor(ctx, section)?.numbering ?? "",
      }),
    ),
    paragraph(`${section.heading}${section.body ? `\n${section.body}` : ""}`),
    ...(children.length ? [list(children.slice(0, 12))] : []),
  ];
}
