import { randomBytes } from "node:crypto";
import {
  type Actor,
  asLocalAdministrator,
  type Clock,
  type Config,
  type Db,
  hasRegistrationDraft,
  identifyActor,
  isoDayIn,
  type Logger,
  loadPublishedKnowledge,
  loadUnitTree,
  type OutgoingReminder,
  pendingNoticeCount,
  prepareSenderLookup,
  publishedVersion,
  type RegistrationRule,
  type RegistrationTurn,
  registrationDraftCount,
  type SchoolCalendar,
  setIdentityLocale,
  ThiduaError,
  takeNotices,
  takeRegistrationTurn,
  unitsVersion,
} from "../core/index.js";
import {
  type AnswerContext,
  type AnswerResult,
  indexOf,
  list,
  paragraph,
  type Viewer,
  viewerOf,
} from "./answers/answer-context.js";
import { answerDeadlineOf, answerDueInPeriod, answerOverdue } from "./answers/deadline-answers.js";
import {
  answerContact,
  answerRequirements,
  answerSearch,
  answerWhereToSubmit,
  findPassage,
} from "./answers/document-answers.js";
import { answerInvite, answerRedeemInvite } from "./answers/invite-answers.js";
import { answerRegister } from "./answers/registration-answer.js";
import { answerRegistrationReview } from "./answers/registration-review.js";
import { answerReminderCommand, answerReminderSettings, answerSnooze } from "./answers/reminder-answers.js";
import { answerOfficerRecord, answerProgress } from "./answers/review-answers.js";
import { answerMarkSubmitted, answerMissingUnits, answerMyStatus } from "./answers/status-answers.js";
import { focalAsksOwnUnit } from "./answers/submission-tasks.js";
import { answerUndo } from "./answers/undo-answer.js";
import { type ChatContext, type ChatMemory, databaseChatMemory } from "./chat-memory.js";
import { isFresh, planTurn, type Turn, writingIntents } from "./dialogue.js";
import { freshCache } from "./fresh-cache.js";
import { createTranslator, pickLocale, type Translate } from "./i18n.js";
import type { Intent } from "./intents.js";
import {
  defaultLocale,
  type IncomingMessage,
  type Locale,
  locales,
  type Reply,
  type ReplyBlock,
} from "./messages.js";
import { foldText } from "./normalize.js";
import { registrationReply } from "./registration/registration-conversation.js";
import { renderReminder } from "./reminders/render-reminder.js";
import { languageNamed } from "./understanding/commands.js";
import { cueGroupsOf } from "./understanding/cue-words.js";
import { modelIntents } from "./understanding/intent-corpus.js";
import type { Period } from "./understanding/question-period.js";
import { createMessageReader, type MessageReader, type Reading } from "./understanding/read-message.js";
import { familiarWords, intentFloor, maxMessageChars } from "./understanding/thresholds.js";
import { prepareTopics } from "./understanding/topic-match.js";

export type { Viewer };

/**
 * The person at a terminal that holds the database (the console, `thidua ask`): whoever writes is
 * answered as this viewer — an officer viewer acts as the administrator — and in the language each
 * message carries. Only the app that builds the assistant can set it; no adapter can ask for it.
 */
export interface LocalSession {
  viewer: Viewer;
}

export interface AssistantDeps {
  db: Db;
  clock: Clock;
  config: Config;
  log: Logger;
  calendar: SchoolCalendar;
  /** Where chats keep their context; the database by default. */
  memory?: ChatMemory;
  /** How messages are read; the corpus's model by default (kept in config.modelCacheDir). */
  reader?: MessageReader;
  /** Build an assistant for the person at this terminal rather than for chat accounts. */
  session?: LocalSession;
  /** The registration rules in force (the office's file applied); the built-in ones by default. */
  registrationRules?: readonly RegistrationRule[];
}

/** What the assistant understood of a message and what it answered. */
export interface Answer {
  intent: Intent;
  period: Period | null;
  reply: Reply;
}

/** The platform-neutral assistant that every adapter talks to. */
export interface Assistant {
  /** Answers one message. Never throws: failures become a localized apology. */
  handle(message: IncomingMessage): Promise<Reply>;
  /** The same, with the intent and period it understood (for `thidua ask` and evaluation). */
  understand(message: IncomingMessage): Promise<Answer>;
  /** Loads the published plans and the model ahead of the first question (at start-up, after a publish). */
  warmUp(): Promise<void>;
  /** The greeting shown when a session opens. */
  greeting(locale?: Locale): Reply;
  /** Translations for adapters that print their own frame (prompts, errors). */
  translate(locale?: Locale): Translate;
  /** Resolves when what the last answers left to store is stored: call it before closing the database. */
  settled(): Promise<void>;
  /** A pushed reminder in its recipient's language, with its buttons. */
  reminderReply(message: OutgoingReminder): Reply;
}

// Intents whose answer stands on a dossier or task the question names: tried even on a faint reading.
const faintlyAnswered = new Set<Intent>(["requirements_of", "deadline_of"]);

// What only an officer does with the units' dossiers.
const officerOnly = new Set<Intent>(["receive", "return_for_completion", "progress"]);

// A greeting or goodbye is short: a message of this many words read unsurely as one is something else.
const longChitchat = 6;
// "sđt người nhận hồ sơ giấy", "số máy chị thu hồ sơ": a phone number asked for, whatever verb follows.
const phoneAsked = /\b(?:so dien thoai|so dt|so may|phone number)\b/;
// "tình hình nộp hồ sơ của trường mình sao rồi": a question on how things stand, which records nothing.
const standingAsked =
  /\b(?:tinh hinh|tinh trang|sao roi|ra sao|den dau roi|the nao roi|how (?:is|are) .* going)\b/;

// "bên mình có gửi hồ sơ … cho hai giáo viên được không": whether something is allowed, a rule of the plan, not where
// the unit stands; "đã gửi … chưa" is the unit's own.
const allowedAsked = /\b(?:duoc khong|co duoc|can we|may we|are we allowed)\b/;
// "nếu bên em nộp trễ thì sao", "… lệch nhiều thì bị sao", "what happens if we send it late": what a rule does in a case, not
// where the unit stands nor what is overdue.
const caseAsked =
  /\bneu\b.*\bthi\b.*\b(?:sao|the nao|ra sao|bi gi|xu ly)\b|\bthi bi (?:sao|gi|xu ly|tru)\b|\bwhat (?:happens|if)\b/;
const statusIntents = new Set<Intent>(["my_status", "mark_submitted"]);
// "từ 1/5 đến 15/5 trường mình (khối trưởng) phải làm những việc gì": the duties of a period, whatever
// role the sender names on the way.
const dutiesAsked =
  /\b(?:phai|can) lam (?:nhung )?(?:viec |cong viec )?(?:gi|nao)\b|\bco (?:viec|han|moc) (?:gi|nao)\b|\bwhat (?:do|must|should) (?:we|i) (?:do|send|hand in)\b/;
const readAsPassage = new Set<Intent>(["search", "contact", "unknown"]);
// "số liệu báo cáo tính đến ngày nào", "as of what date is service counted": the plan's cut-off for
// counting, a rule in its text, not a step to hand something in ("hạn nộp … tính đến ngày nào" is one).
const cutOffAsked =
  /\b(?:tinh (?:den|toi) (?:het )?(?:ngay|thoi diem|luc) nao|(?:lay|chot) (?:den|toi) (?:het )?ngay (?:nao|may)|as of (?:what|which) date|(?:counted|measured) (?:up )?(?:to|until) (?:what|which))\b/;
const stepWords = /\b(?:han|nop|gui|deadline|due|submit|send)\b/;

/** A reading searched as the rule's question it is, however faint the model's reading was. */
function readAsSearch(reading: Reading): Reading {
  const score = Math.max(intentFloor, reading.ranked[0]?.score ?? 0);
  const others = reading.ranked.filter((r) => r.intent !== reading.intent && r.intent !== "search");
  return { ...reading, intent: "search", confident: false, ranked: [{ intent: "search", score }, ...others] };
}

// Intents about the person's account, answered whether or not a plan is published.
const accountIntents = new Set<Intent>(["redeem_invite", "invite", "undo", "reminder_settings", "snooze"]);

/** The answer to a question whose intent needs the published plans (or the submissions). */
async function answerIntent(
  ctx: AnswerContext,
  intent: Intent,
  period: Period | null,
): Promise<AnswerResult | null> {
  const blocks = (b: ReplyBlock[] | null) => (b ? { blocks: b } : null);
  switch (intent) {
    case "due_in_period":
      return blocks(period ? answerDueInPeriod(ctx, period) : null);
    case "overdue":
      return blocks(await answerOverdue(ctx));
    case "deadline_of":
      return answerDeadlineOf(ctx);
    case "requirements_of":
      return answerRequirements(ctx);
    case "where_to_submit":
      return answerWhereToSubmit(ctx);
    case "contact":
      return blocks(answerContact(ctx, foldText(ctx.question)));
    case "my_status":
      return answerMyStatus(ctx);
    case "missing_units":
      return answerMissingUnits(ctx);
    case "mark_submitted":
      return answerMarkSubmitted(ctx);
    case "register":
      return blocks(await answerRegister(ctx));
    case "receive":
      return answerOfficerRecord(ctx, "da_tiep_nhan");
    case "return_for_completion":
      return answerOfficerRecord(ctx, "can_bo_sung");
    case "progress":
      return answerProgress(ctx);
    case "redeem_invite":
      return answerRedeemInvite(ctx);
    case "invite":
      return answerInvite(ctx);
    case "undo":
      return answerUndo(ctx);
    case "snooze":
      return answerSnooze(ctx, ctx.reminderPolicy);
    case "reminder_settings":
      return answerReminderSettings(ctx);
    case "reminders":
      return answerReminderCommand(ctx, ctx.reminderPolicy);
    case "registration_review":
      return answerRegistrationReview(ctx);
    default:
      return blocks(answerSearch(ctx, foldText(ctx.question)));
  }
}

const isModelIntent = (text: string): text is (typeof modelIntents)[number] =>
  (modelIntents as readonly string[]).includes(text);

/** Builds the assistant from its dependencies: the one way in for every adapter. */
export function createAssistant(deps: AssistantDeps): Assistant {
  const translator = createTranslator();
  const memory =
    deps.memory ??
    databaseChatMemory(deps.db, (err) => deps.log.warn({ err }, "could not keep a chat's context"));
  const reader =
    deps.reader ?? createMessageReader({ calendar: deps.calendar, cacheDir: deps.config.modelCacheDir });
  const reply = (locale: Locale, blocks: ReplyBlock[], extra: Partial<Reply> = {}): Reply => ({
    locale,
    blocks,
    ...extra,
  });

  // The published plans and the unit tree change rarely and are read on many questions.
  const knowledgeNow = freshCache(deps.db, "plans", publishedVersion, loadPublishedKnowledge);
  const unitTree = freshCache(deps.db, "units", unitsVersion, loadUnitTree);
  const noticesWaiting = freshCache(deps.db, "notices", pendingNoticeCount, async (_db, count) => count);
  const draftsInProgress = freshCache(deps.db, "drafts", registrationDraftCount, async (_db, count) => count);

  const greeting = (locale: Locale = defaultLocale): Reply =>
    reply(locale, [paragraph(translator(locale)("greeting.text"))]);

  const help = (t: Translate, locale: Locale): Reply =>
    reply(locale, [
      { kind: "heading", text: t("help.title") },
      { kind: "list", items: t("help.abilities", { returnObjects: true }) as string[] },
      paragraph(t("help.examplesTitle")),
      { kind: "list", items: t("help.examples", { returnObjects: true }) as string[] },
    ]);

  // Off-topic ("giá vàng hôm nay?"), or words the model never met ("asdfgh"): a short word on what
  // the assistant does, with examples.
  const notAnswered = (t: Translate, locale: Locale, reading: { familiarity: number }): Reply =>
    reply(locale, [
      paragraph(t(reading.familiarity < familiarWords ? "unknown.text" : "unknown.offTopic")),
      { kind: "list", items: t("help.examples", { returnObjects: true }) as string[] },
    ]);

  async function understand(message: IncomingMessage): Promise<Answer> {
    const sender = await identifyActor(
      deps.db,
      { platform: message.platform, externalId: message.userId, locale: message.locale },
      message.receivedAt,
    );
    const answer = await answerAs(message, sender);
    // A focal person is told what waits for them (a dossier returned for completion) on their next message.
    if (deps.session || sender.identityId === null || !sender.roles.some((r) => r.role === "focal"))
      return answer;
    if ((await noticesWaiting()) === "0") return answer;
    const notices = await takeNotices(deps.db, sender.identityId, message.receivedAt);
    if (!notices.length) return answer;
    const t = translator(answer.reply.locale);
    const { tasks } = await knowledgeNow();
    const lines = notices.map((n) =>
      t("answers.notice.returned", { task: tasks.find((x) => x.id === n.taskId)?.text ?? "", note: n.note }),
    );
    const blocks = [paragraph(t("answers.notice.title")), list(lines), ...answer.reply.blocks];
    return { ...answer, reply: { ...answer.reply, blocks } };
  }

  async function answerAs(message: IncomingMessage, sender: Actor): Promise<Answer> {
    const pinned = deps.session?.viewer;
    const actor = !pinned
      ? sender
      : pinned.role === "officer"
        ? asLocalAdministrator(sender)
        : { ...sender, roles: [] };
    const viewer = pinned ?? viewerOf(actor);
    // At a terminal the session's language is the message's; a chat account's stored choice wins.
    let locale = (deps.session ? message.locale : undefined) ?? pickLocale(sender.locale) ?? defaultLocale;
    const now = message.receivedAt;
    const today = isoDayIn(deps.clock.now(), deps.config.timeZone);
    const identityId = sender.identityId;
    const kept = identityId === null ? null : await memory.recall(identityId);
    const context = isFresh(kept, now) ? kept : null;
    const remember = async (next: Omit<ChatContext, "at">) => {
      if (identityId !== null) await memory.remember(identityId, { at: now.toISOString(), ...next }, now);
    };
    const t = translator(locale);

    // Nobody asks a question in pages: a very long message is not read word by word.
    if (message.text.length > maxMessageChars)
      return {
        intent: "unknown",
        period: null,
        reply: reply(locale, [paragraph(t("answers.tooLong", { length: message.text.length }))]),
      };
    let reading = reader.read(message.text, today);
    const folded = foldText(message.text);
    const contextFor = (
      knowledge: AnswerContext["knowledge"],
      question: string,
      focus: AnswerContext["focus"],
    ): AnswerContext => ({
      t,
      locale,
      knowledge,
      viewer,
      today,
      timeZone: deps.config.timeZone,
      calendar: deps.calendar,
      question,
      said: message.text,
      yesNo: reading.message.yesNo,
      selfUnit: reading.message.selfUnit,
      focus,
      writes: reading.byCommand || (reading.confident && !reading.message.question) ? "apply" : "confirm",
      actor,
      db: deps.db,
      now: deps.clock.now(),
      unitTree,
      reminderPolicy: deps.config.reminders.policy,
      translateIn: (l) => translator(l),
    });

    // A focal person's registration in progress takes their answers; "/dangky" (or a clear wish to
    // register) starts one, or asks again the step a stored one is at.
    const registering = await registrationTurnOf();
    // A clear question about something else in the middle of a registration ("hạn nộp hồ sơ khi nào?")
    // is answered, with a word that the registration waits; the step's answer did not read anyway.
    const asideQuestion =
      registering !== null &&
      registering.problems.length === 0 &&
      registering.say.some((m) => m.key.startsWith("registration.invalid.")) &&
      reading.confident &&
      reading.message.question &&
      !["register", "unknown", "greeting", "farewell", "help"].includes(reading.intent);
    if (registering && !asideQuestion) {
      const registerCtx = contextFor(await knowledgeNow(), reading.message.subject, undefined);
      const result = await registrationReply(registerCtx, registering);
      // A registration just started is introduced by what the plan asks: its deadline, forms and channel.
      const started = registering.say.some((m) => m.key === "registration.started");
      const intro = started ? ((await answerRegister(registerCtx)) ?? []) : [];
      return {
        intent: "register",
        period: null,
        reply: reply(locale, [...intro, ...result.blocks], {
          ...(result.choices?.length ? { choices: result.choices } : {}),
          ...(result.files?.length ? { files: result.files } : {}),
        }),
      };
    }
    async function registrationTurnOf(): Promise<RegistrationTurn | null> {
      const personId = actor.personId;
      if (deps.session || personId === null || !actor.roles.some((r) => r.role === "focal")) return null;
      const starts =
        reading.intent === "register" &&
        (reading.byCommand ? /^\/dang ?ky$/.test(folded) : reading.confident);
      // Other commands ("/trangthai", a button of another answer) are answered as such.
      if (reading.byCommand && !starts) return null;
      // Most messages come while nobody is registering: then no draft is looked for.
      const drafting = (await draftsInProgress()) !== "0" && (await hasRegistrationDraft(deps.db, personId));
      if (!starts && !drafting) return null;
      const world = {
        knowledge: await knowledgeNow(),
        tree: await unitTree(),
        rules: deps.registrationRules,
      };
      return takeRegistrationTurn(deps.db, actor, message.text, { now, today }, starts && !drafting, world);
    }
    const pending = context?.pending;
    // An answer to the assistant's own question: "có" runs the change it proposed, "không" drops it.
    if (pending?.kind === "confirm" && reading.message.answer === "yes")
      reading = reader.read(pending.command, today);
    else if (folded === "/khong" || (pending?.kind === "confirm" && reading.message.answer === "no")) {
      await remember({ ...context, pending: undefined });
      return {
        intent: "decline",
        period: null,
        reply: reply(locale, [paragraph(t("answers.confirm.declined"))]),
      };
    }
    // A reading picked from "Hay bạn muốn hỏi …": the question asked then, read as the one picked.
    const picked = /^\/y ([a-z_]+)$/.exec(message.text.trim())?.[1];
    if (picked) {
      if (pending?.kind !== "clarify" || !isModelIntent(picked))
        return {
          intent: "clarify",
          period: null,
          reply: reply(locale, [paragraph(t("answers.clarify.expired"))]),
        };
      reading = { ...reader.read(pending.question, today), intent: picked, confident: true, ranked: [] };
    }
    // A long question read only faintly as a greeting or a goodbye ("Phó chủ tịch … có nhiệm vụ gì, em
    // mới được phân công nên chưa rõ lắm") is read as the next likely intent.
    if (
      !reading.confident &&
      (reading.intent === "greeting" || reading.intent === "farewell") &&
      reading.message.question &&
      reading.message.words.length >= longChitchat
    )
      reading = {
        ...reading,
        intent: reading.ranked[1]?.intent ?? "unknown",
        ranked: reading.ranked.slice(1),
      };
    const words = reading.message.words.join(" ");
    // Asking for a phone number records nothing: "sđt người nhận hồ sơ …" asks who takes the dossiers in.
    if (writingIntents.has(reading.intent) && !reading.byCommand && phoneAsked.test(words))
      reading = { ...reading, intent: "contact", confident: false };
    else if (reading.intent === "mark_submitted" && !reading.byCommand && standingAsked.test(words))
      reading = { ...reading, intent: "my_status", confident: false };
    if (
      statusIntents.has(reading.intent) &&
      !reading.byCommand &&
      allowedAsked.test(words) &&
      !/\bchua\b/.test(words)
    )
      reading = { ...reading, intent: "search", confident: false };
    if (
      (statusIntents.has(reading.intent) || reading.intent === "overdue") &&
      !reading.byCommand &&
      caseAsked.test(words)
    )
      reading = readAsSearch(reading);
    if (reading.intent === "deadline_of" && cutOffAsked.test(words) && !stepWords.test(words)) {
      reading = readAsSearch(reading);
    }
    if (reading.period && readAsPassage.has(reading.intent) && !reading.byCommand && dutiesAsked.test(words))
      reading = { ...reading, intent: "due_in_period", confident: false };
    // A focal person neither receives, returns nor follows other units' dossiers: a message the model
    // reads so ("bên em đẩy tờ trình lên hộp thư của phòng rồi nhé") is their own
    // report or question, read as the next likely intent.
    if (viewer.role === "focal" && officerOnly.has(reading.intent)) {
      const ranked = reading.ranked.filter((r) => !officerOnly.has(r.intent));
      reading = { ...reading, intent: ranked[0]?.intent ?? "unknown", confident: false, ranked };
    }
    const planned = planTurn(reading, context);
    // A focal person asking what is missing asks about their own unit, unless they ask about others.
    const turn: Turn =
      planned.intent === "missing_units" && focalAsksOwnUnit(actor, folded)
        ? { ...planned, intent: "my_status" }
        : planned;
    const intent = turn.intent;

    if (intent === "set_language") {
      locale = languageNamed(folded) ?? (locale === "vi" ? "en" : "vi");
      if (identityId !== null) await setIdentityLocale(deps.db, identityId, locale);
      return {
        intent,
        period: null,
        reply: reply(locale, [paragraph(translator(locale)("language.switched"))]),
      };
    }
    const simple: Partial<Record<Intent, () => Reply>> = {
      greeting: () =>
        cueGroupsOf({ typed: reading.message.typed, folded: reading.message.words }).includes("thanks")
          ? reply(locale, [paragraph(t("greeting.thanks"))])
          : greeting(locale),
      help: () => help(t, locale),
      farewell: () => reply(locale, [paragraph(t("farewell.text"))], { endsConversation: true }),
    };
    const direct = simple[intent];
    if (direct) return { intent, period: null, reply: direct() };

    const knowledge = await knowledgeNow();
    const ctx = contextFor(knowledge, turn.topic, turn.focus);
    // Off-topic, or not recognised at all: a question on the plans' content is still answered from
    // their text when a passage holds most of it and two of its words side by side (the model knows
    // chat, not every subject a plan covers: "chỉ số hài lòng … phải đạt bao nhiêu %").
    if (intent === "unknown" || (!reading.confident && (reading.ranked[0]?.score ?? 0) < intentFloor)) {
      // A faint reading of a dossier or deadline question ("sinh hoạt khối lần 2 xong nộp những gì")
      // is answered when the plans hold the dossier or task it names; their matching is strict enough
      // that a message about something else finds neither. The two best readings are tried: a long
      // message spreads the model's score thin.
      const faint =
        intent === "unknown" || !knowledge.plans.length
          ? []
          : reading.ranked.slice(0, 2).map((r) => r.intent);
      // A period the message names ("hôm nay", "tuần sau") is a slot of its own: a faint reading of what
      // falls due in it is answered as such.
      const answerable = (i: Intent) =>
        faintlyAnswered.has(i) || (i === "due_in_period" && turn.period !== null);
      for (const guess of faint.filter(answerable)) {
        const found = await answerOf(ctx, { ...turn, intent: guess, alternatives: [] });
        if (found) return answered(ctx, { ...turn, intent: guess, alternatives: [] }, found);
      }
      const passage = knowledge.plans.length ? findPassage(ctx, { strict: true }) : null;
      if (passage) return answered(ctx, { ...turn, intent: "search", alternatives: [] });
      return { intent: "unknown", period: null, reply: notAnswered(t, locale, reading) };
    }
    if (!knowledge.plans.length && !accountIntents.has(intent))
      return { intent, period: turn.period, reply: reply(locale, [paragraph(t("answers.noPlans"))]) };
    const result = await answered(ctx, turn);
    if (!asideQuestion) return result;
    const waiting = paragraph(t("registration.waiting"));
    return { ...result, reply: { ...result.reply, blocks: [...result.reply.blocks, waiting] } };

    async function answerOf(ctx: AnswerContext, turn: Turn): Promise<AnswerResult | null> {
      try {
        return await answerIntent(ctx, turn.intent, turn.period);
      } catch (error) {
        // A refusal (no right to a unit, a dossier already received) is an answer, not a failure.
        if (!(error instanceof ThiduaError)) throw error;
        return { blocks: [paragraph(t(error.messageKey, error.params))] };
      }
    }

    async function answered(ctx: AnswerContext, first: Turn, known?: AnswerResult): Promise<Answer> {
      let turn = first;
      let found = known ?? (await answerOf(ctx, turn));
      // An unsure reading that finds nothing in the plans is answered by the next likely reading that
      // does ("What satisfaction index …": no dossier of that name, but a passage says it).
      for (const next of first.alternatives) {
        if (found) break;
        const alternatives = [first.intent, ...first.alternatives.filter((i) => i !== next)];
        turn = { ...first, intent: next, alternatives: alternatives.filter(isModelIntent) };
        found = await answerOf(ctx, turn);
      }
      if (!found) turn = first;
      // A question answered as another kind (a named person's e-mail asked as where to send) is that kind.
      if (found?.answeredAs) turn = { ...turn, intent: found.answeredAs };
      const blocks = found?.blocks ?? [paragraph(t("answers.notFound"))];
      // An unsure reading is answered, and the other likely readings are offered beside it.
      const others = found?.choices?.length ? [] : turn.alternatives;
      const choices = found?.choices ?? others.map((i) => ({ id: `/y ${i}`, label: t(`readings.${i}`) }));
      if (others.length) blocks.push(paragraph(t("answers.clarify.orMaybe")));
      await remember({
        intent: turn.intent,
        period: turn.period,
        topic: turn.topic,
        planId: found?.about?.planId ?? null,
        taskId: found?.about?.taskId ?? null,
        pending: found?.confirm
          ? { kind: "confirm", command: found.confirm }
          : others.length
            ? { kind: "clarify", question: message.text }
            : undefined,
      });
      return {
        intent: turn.intent,
        period: turn.period,
        reply: reply(locale, blocks, {
          ...(choices.length ? { choices } : {}),
          ...(found?.files?.length ? { files: found.files } : {}),
        }),
      };
    }
  }

  return {
    async warmUp() {
      const knowledge = await knowledgeNow();
      const index = indexOf(knowledge);
      prepareTopics([
        ...index.subjectOf.values(),
        ...knowledge.sections.map((s) => s.heading),
        ...knowledge.tasks.map((t) => t.text),
      ]);
      await unitTree();
      await prepareSenderLookup(deps.db);
      await noticesWaiting();
      await draftsInProgress();
      await memory.recall(-1);
      // Read (and so train or load the model) and answer the examples the help shows, as the focal
      // person of a unit that does not exist, so the paths and tables they use are ready before
      // someone's first question; nothing is written.
      const today = isoDayIn(deps.clock.now(), deps.config.timeZone);
      for (const locale of locales) {
        const t = translator(locale);
        for (const question of t("help.examples", { returnObjects: true }) as string[]) {
          const reading = reader.read(question, today);
          const ctx: AnswerContext = {
            t,
            locale,
            knowledge,
            viewer: { role: "officer" },
            today,
            timeZone: deps.config.timeZone,
            calendar: deps.calendar,
            question: reading.message.subject,
            said: question,
            yesNo: reading.message.yesNo,
            selfUnit: false,
            writes: "confirm",
            actor: {
              identityId: null,
              personId: null,
              platform: "warm-up",
              locale,
              roles: [{ role: "focal", unitId: -1, unitName: "", unitKind: "tieu_hoc" }],
            },
            db: deps.db,
            now: deps.clock.now(),
            unitTree,
            reminderPolicy: deps.config.reminders.policy,
            translateIn: (l) => translator(l),
          };
          if (knowledge.plans.length && reading.intent !== "undo")
            await answerIntent(ctx, reading.intent, reading.period);
        }
      }
    },
    async understand(message) {
      return understand(message);
    },
    async handle(message) {
      try {
        return (await understand(message)).reply;
      } catch (error) {
        // The person gets an id to quote; the log has the error under it.
        const id = randomBytes(4).toString("hex");
        deps.log.error({ err: error, id, platform: message.platform }, "failed to answer a message");
        const locale = message.locale ?? defaultLocale;
        return reply(locale, [paragraph(translator(locale)("errors.internal", { id }))]);
      }
    },
    greeting,
    translate: (locale = defaultLocale) => translator(locale),
    settled: () => memory.settled(),
    reminderReply(message) {
      const locale = pickLocale(message.locale) ?? defaultLocale;
      return renderReminder(translator(locale), locale, message.id, message.payload);
    },
  };
}
