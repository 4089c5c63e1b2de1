import {
  type Actor,
  asLocalAdministrator,
  type Clock,
  type Config,
  type Db,
  identifyActor,
  isoDayIn,
  type Logger,
  loadPublishedKnowledge,
  loadUnitTree,
  pendingNoticeCount,
  prepareSenderLookup,
  publishedVersion,
  type SchoolCalendar,
  setIdentityLocale,
  ThiduaError,
  takeNotices,
  unitsVersion,
} from "../core/index.js";
import {
  type AnswerContext,
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
} from "./answers/document-answers.js";
import { answerInvite, answerRedeemInvite } from "./answers/invite-answers.js";
import { answerRegister } from "./answers/registration-answer.js";
import { answerOfficerRecord, answerProgress } from "./answers/review-answers.js";
import { answerMarkSubmitted, answerMissingUnits, answerMyStatus } from "./answers/status-answers.js";
import { freshCache } from "./fresh-cache.js";
import { createTranslator, pickLocale, type Translate } from "./i18n.js";
import { detectIntent, type Intent, requestedLocale } from "./intents.js";
import {
  defaultLocale,
  type IncomingMessage,
  type Locale,
  locales,
  type Reply,
  type ReplyBlock,
} from "./messages.js";
import { foldText } from "./normalize.js";
import { type Period, questionPeriod } from "./understanding/question-period.js";
import { prepareTopics } from "./understanding/topic-match.js";

export type { Viewer };

/** How a tool (console, `thidua ask`, evaluation) may pin who asks and in which language. */
export interface AskOptions {
  /** Ask as this viewer instead of the sender's linked roles; an officer viewer acts as administrator. */
  viewer?: Viewer;
  /** Answer in this language whatever the sender chose before. */
  locale?: Locale;
}

export interface AssistantDeps {
  db: Db;
  clock: Clock;
  config: Config;
  log: Logger;
  calendar: SchoolCalendar;
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
  handle(message: IncomingMessage, options?: AskOptions): Promise<Reply>;
  /** The same, with the intent and period it understood (for `thidua ask` and evaluation). */
  understand(message: IncomingMessage, options?: AskOptions): Promise<Answer>;
  /** Loads the published plans ahead of the first question (at start-up, after a publish). */
  warmUp(): Promise<void>;
  /** The greeting shown when a session opens. */
  greeting(locale?: Locale): Reply;
  /** Translations for adapters that print their own frame (prompts, errors). */
  translate(locale?: Locale): Translate;
}

// Intents about the person's account, answered whether or not a plan is published.
const accountIntents = new Set<Intent>(["redeem_invite", "invite"]);
// Intents whose answer records something; the warm-up only understands them.
const writingIntents = new Set<Intent>([
  "mark_submitted",
  "redeem_invite",
  "invite",
  "receive",
  "return_for_completion",
]);

/** The answer to a question whose intent needs the published plans (or the submissions). */
async function answerIntent(
  ctx: AnswerContext,
  intent: Intent,
  period: Period | null,
): Promise<Pick<Reply, "blocks" | "choices"> | null> {
  const blocks = (b: ReplyBlock[] | null) => (b ? { blocks: b } : null);
  switch (intent) {
    case "due_in_period":
      return blocks(period ? answerDueInPeriod(ctx, period) : null);
    case "overdue":
      return blocks(answerOverdue(ctx));
    case "deadline_of":
      return answerDeadlineOf(ctx);
    case "requirements_of":
      return blocks(answerRequirements(ctx));
    case "where_to_submit":
      return blocks(answerWhereToSubmit(ctx));
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
    default:
      return blocks(answerSearch(ctx, foldText(ctx.question)));
  }
}

/** Builds the assistant from its dependencies: the one way in for every adapter. */
export function createAssistant(deps: AssistantDeps): Assistant {
  const translator = createTranslator();
  const reply = (locale: Locale, blocks: ReplyBlock[], extra: Partial<Reply> = {}): Reply => ({
    locale,
    blocks,
    ...extra,
  });

  // The published plans and the unit tree change rarely and are read on many questions.
  const knowledgeNow = freshCache(deps.db, "plans", publishedVersion, loadPublishedKnowledge);
  const unitTree = freshCache(deps.db, "units", unitsVersion, loadUnitTree);
  const noticesWaiting = freshCache(deps.db, "notices", pendingNoticeCount, async (_db, count) => count);

  const greeting = (locale: Locale = defaultLocale): Reply =>
    reply(locale, [paragraph(translator(locale)("greeting.text"))]);

  const help = (t: Translate, locale: Locale): Reply =>
    reply(locale, [
      { kind: "heading", text: t("help.title") },
      { kind: "list", items: t("help.abilities", { returnObjects: true }) as string[] },
      paragraph(t("help.examplesTitle")),
      { kind: "list", items: t("help.examples", { returnObjects: true }) as string[] },
    ]);

  const notUnderstood = (t: Translate, locale: Locale): Reply =>
    reply(locale, [
      paragraph(t("unknown.text")),
      { kind: "list", items: t("help.examples", { returnObjects: true }) as string[] },
    ]);

  async function understand(message: IncomingMessage, options: AskOptions): Promise<Answer> {
    const sender = await identifyActor(
      deps.db,
      { platform: message.platform, externalId: message.userId, locale: message.locale },
      message.receivedAt,
    );
    const answer = await answerAs(message, options, sender);
    // A focal person is told what waits for them (a dossier returned for completion) on their next message.
    if (options.viewer || sender.identityId === null || !sender.roles.some((r) => r.role === "focal"))
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

  async function answerAs(message: IncomingMessage, options: AskOptions, sender: Actor): Promise<Answer> {
    const pinned = options.viewer;
    const actor = !pinned
      ? sender
      : pinned.role === "officer"
        ? asLocalAdministrator(sender)
        : { ...sender, roles: [] };
    const viewer = pinned ?? viewerOf(actor);
    let locale = options.locale ?? pickLocale(sender.locale) ?? defaultLocale;
    const today = isoDayIn(deps.clock.now(), deps.config.timeZone);
    const period = questionPeriod(message.text, today, deps.calendar);
    const intent = detectIntent(message.text, period !== null);
    if (intent === "set_language") {
      locale = requestedLocale(message.text) ?? locale;
      if (sender.identityId !== null) await setIdentityLocale(deps.db, sender.identityId, locale);
      return {
        intent,
        period: null,
        reply: reply(locale, [paragraph(translator(locale)("language.switched"))]),
      };
    }
    const t = translator(locale);
    const simple: Partial<Record<Intent, () => Reply>> = {
      greeting: () => greeting(locale),
      help: () => help(t, locale),
      farewell: () => reply(locale, [paragraph(t("farewell.text"))], { endsConversation: true }),
      unknown: () => notUnderstood(t, locale),
    };
    const direct = simple[intent];
    if (direct) return { intent, period: intent === "unknown" ? null : period, reply: direct() };

    const knowledge = await knowledgeNow();
    if (!knowledge.plans.length && !accountIntents.has(intent))
      return { intent, period, reply: reply(locale, [paragraph(t("answers.noPlans"))]) };
    const ctx: AnswerContext = {
      t,
      locale,
      knowledge,
      viewer,
      today,
      calendar: deps.calendar,
      question: message.text,
      actor,
      db: deps.db,
      now: deps.clock.now(),
      unitTree,
    };
    try {
      const found = await answerIntent(ctx, intent, period);
      return {
        intent,
        period,
        reply: reply(
          locale,
          found?.blocks ?? [paragraph(t("answers.notFound"))],
          found?.choices ? { choices: found.choices } : {},
        ),
      };
    } catch (error) {
      // A refusal (no right to a unit, a dossier already received) is an answer, not a failure.
      if (!(error instanceof ThiduaError)) throw error;
      return { intent, period, reply: reply(locale, [paragraph(t(error.messageKey, error.params))]) };
    }
  }

  return {
    async warmUp() {
      const knowledge = await knowledgeNow();
      const index = indexOf(knowledge);
      prepareTopics([
        ...index.subjectOf.values(),
        ...index.passageOf.values(),
        ...index.dossierOf.values(),
        ...knowledge.sections.map((s) => s.heading),
        ...knowledge.tasks.map((t) => t.text),
      ]);
      await unitTree();
      await prepareSenderLookup(deps.db);
      await noticesWaiting();
      // Answer the examples the help shows, as the focal person of a unit that does not exist, so
      // the patterns, the answer paths and the tables they read are ready before someone's first
      // question; an example that would record something is only understood, not answered.
      const today = isoDayIn(deps.clock.now(), deps.config.timeZone);
      for (const locale of locales) {
        const t = translator(locale);
        for (const question of t("help.examples", { returnObjects: true }) as string[]) {
          const period = questionPeriod(question, today, deps.calendar);
          const intent = detectIntent(question, period !== null);
          const ctx: AnswerContext = {
            t,
            locale,
            knowledge,
            viewer: { role: "officer" },
            today,
            calendar: deps.calendar,
            question,
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
          };
          if (knowledge.plans.length && !writingIntents.has(intent)) await answerIntent(ctx, intent, period);
        }
      }
    },
    async understand(message, options = {}) {
      return understand(message, options);
    },
    async handle(message, options = {}) {
      try {
        return (await understand(message, options)).reply;
      } catch (error) {
        deps.log.error({ err: error, platform: message.platform }, "failed to answer a message");
        const locale = message.locale ?? defaultLocale;
        return reply(locale, [paragraph(translator(locale)("errors.internal"))]);
      }
    },
    greeting,
    translate: (locale = defaultLocale) => translator(locale),
  };
}
