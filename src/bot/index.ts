// The face of the bot layer: what adapters may use.

// What platform adapters are configured with, keep between requests and log to, owned by core.
export type { Logger, PlatformState, PlatformsConfig } from "../core/index.js";
export {
  type Answer,
  type Assistant,
  type AssistantDeps,
  createAssistant,
  type LocalSession,
  type Viewer,
} from "./assistant.js";
export { createTranslator, pickLocale, type Translate } from "./i18n.js";
export {
  defaultLocale,
  type IncomingMessage,
  type Locale,
  locales,
  type Reply,
  type ReplyBlock,
  type ReplyChoice,
  type ReplyFile,
  replyToPlainText,
} from "./messages.js";
export { registrationsWorkbook } from "./registration/registration-files.js";
export { menuCommands } from "./understanding/commands.js";
