import type { Clock, Config, Db, Logger } from "../core/index.js";
import { createTranslator, type Translate } from "./i18n.js";
import { detectIntent } from "./intents.js";
import { defaultLocale, type IncomingMessage, type Reply } from "./messages.js";

export interface AssistantDeps {
  db: Db;
  clock: Clock;
  config: Config;
  log: Logger;
}

/** The platform-neutral assistant that every adapter talks to. */
export interface Assistant {
  /** Answers one message. Never throws: failures become a localized apology. */
  handle(message: IncomingMessage): Promise<Reply>;
  /** The greeting shown when a session opens. */
  greeting(locale?: Reply["locale"]): Reply;
  /** Translations for adapters that print their own frame (prompts, errors). */
  translate(locale?: Reply["locale"]): Translate;
}

/** Builds the assistant from its dependencies: the one way in for every adapter. */
export function createAssistant(deps: AssistantDeps): Assistant {
  const translator = createTranslator();

  const greeting = (locale = defaultLocale): Reply => {
    const t = translator(locale);
    return { locale, blocks: [{ kind: "paragraph", text: t("greeting.text") }] };
  };

  const help = (locale = defaultLocale): Reply => {
    const t = translator(locale);
    return {
      locale,
      blocks: [
        { kind: "heading", text: t("help.title") },
        { kind: "list", items: t("help.abilities", { returnObjects: true }) as string[] },
        { kind: "paragraph", text: t("help.examplesTitle") },
        { kind: "list", items: t("help.examples", { returnObjects: true }) as string[] },
      ],
    };
  };

  async function answer(message: IncomingMessage): Promise<Reply> {
    const locale = message.locale ?? defaultLocale;
    const t = translator(locale);
    switch (detectIntent(message.text)) {
      case "greeting":
        return greeting(locale);
      case "help":
        return help(locale);
      case "farewell":
        return { locale, blocks: [{ kind: "paragraph", text: t("farewell.text") }], endsConversation: true };
      case "unknown":
        return {
          locale,
          blocks: [
            { kind: "paragraph", text: t("unknown.text") },
            { kind: "list", items: t("help.examples", { returnObjects: true }) as string[] },
          ],
        };
    }
  }

  return {
    async handle(message) {
      try {
        return await answer(message);
      } catch (error) {
        deps.log.error({ err: error, platform: message.platform }, "failed to answer a message");
        const locale = message.locale ?? defaultLocale;
        return { locale, blocks: [{ kind: "paragraph", text: translator(locale)("errors.internal") }] };
      }
    },
    greeting,
    translate: (locale = defaultLocale) => translator(locale),
  };
}
