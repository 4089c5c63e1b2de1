import {
  type Clock,
  type Config,
  type Db,
  isoDayIn,
  type Logger,
  loadPublishedKnowledge,
  type PublishedKnowledge,
  publishedVersion,
  type SchoolCalendar,
} from "../core/index.js";
import { type AnswerContext, indexOf, paragraph, type Viewer } from "./answers/answer-context.js";
import { answerDeadlineOf, answerDueInPeriod, answerOverdue } from "./answers/deadline-answers.js";
import {
  answerContact,
  answerRequirements,
  answerSearch,
  answerWhereToSubmit,
} from "./answers/document-answers.js";
import { createTranslator, type Translate } from "./i18n.js";
import { detectIntent, type Intent } from "./intents.js";
import { defaultLocale, type IncomingMessage, type Locale, type Reply, type ReplyBlock } from "./messages.js";
import { foldText } from "./normalize.js";
import { type Period, questionPeriod } from "./understanding/question-period.js";

export type { Viewer };

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
  handle(message: IncomingMessage, options?: { viewer?: Viewer }): Promise<Reply>;
  /** The same, with the intent and period it understood (for `thidua ask` and evaluation). */
  understand(message: IncomingMessage, options?: { viewer?: Viewer }): Promise<Answer>;
  /** Loads the published plans ahead of the first question (at start-up, after a publish). */
  warmUp(): Promise<void>;
  /** The greeting shown when a session opens. */
  greeting(locale?: Locale): Reply;
  /** Translations for adapters that print their own frame (prompts, errors). */
  translate(locale?: Locale): Translate;
}

/** Builds the assistant from its dependencies: the one way in for every adapter. */
export function createAssistant(deps: AssistantDeps): Assistant {
  const translator = createTranslator();
  const reply = (locale: Locale, blocks: ReplyBlock[], extra: Partial<Reply> = {}): Reply => ({
    locale,
    blocks,
    ...extra,
  });

  // The published plans change rarely and are read on every question: keep them until one changes.
  let cached: { version: string; knowledge: PublishedKnowledge } | null = null;
  const knowledgeNow = async (): Promise<PublishedKnowledge> => {
    const version = await publishedVersion(deps.db);
    if (cached?.version === version) return cached.knowledge;
    const knowledge = await loadPublishedKnowledge(deps.db);
    cached = { version, knowledge };
    return knowledge;
  };

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

  async function understand(message: IncomingMessage, viewer: Viewer): Promise<Answer> {
    const locale = message.locale ?? defaultLocale;
    const t = translator(locale);
    const today = isoDayIn(deps.clock.now(), deps.config.timeZone);
    const period = questionPeriod(message.text, today, deps.calendar);
    const intent = detectIntent(message.text, period !== null);
    const simple: Partial<Record<Intent, () => Reply>> = {
      greeting: () => greeting(locale),
      help: () => help(t, locale),
      farewell: () => reply(locale, [paragraph(t("farewell.text"))], { endsConversation: true }),
      unknown: () => notUnderstood(t, locale),
    };
    const direct = simple[intent];
    if (direct) return { intent, period: intent === "unknown" ? null : period, reply: direct() };

    const knowledge = await knowledgeNow();
    if (!knowledge.plans.length)
      return { intent, period, reply: reply(locale, [paragraph(t("answers.noPlans"))]) };
    const ctx: AnswerContext = {
      t,
      locale,
      knowledge,
      viewer,
      today,
      calendar: deps.calendar,
      question: message.text,
    };
    const folded = foldText(message.text);
    let blocks: ReplyBlock[] | null;
    switch (intent) {
      case "due_in_period":
        blocks = period ? answerDueInPeriod(ctx, period) : null;
        break;
      case "overdue":
        blocks = answerOverdue(ctx);
        break;
      case "deadline_of":
        blocks = answerDeadlineOf(ctx);
        break;
      case "requirements_of":
        blocks = answerRequirements(ctx);
        break;
      case "where_to_submit":
        blocks = answerWhereToSubmit(ctx);
        break;
      case "contact":
        blocks = answerContact(ctx, folded);
        break;
      default:
        blocks = answerSearch(ctx, folded);
    }
    return { intent, period, reply: reply(locale, blocks ?? [paragraph(t("answers.notFound"))]) };
  }

  return {
    async warmUp() {
      indexOf(await knowledgeNow());
    },
    async understand(message, options = {}) {
      return understand(message, options.viewer ?? { role: "officer" });
    },
    async handle(message, options = {}) {
      try {
        return (await understand(message, options.viewer ?? { role: "officer" })).reply;
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
