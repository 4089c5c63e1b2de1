// The translations alone, not the bot's face: `thidua help` must start without loading the assistant.
import { createTranslator, type Translate } from "../../bot/i18n.js";
import { defaultLocale } from "../../bot/messages.js";

let translator: ReturnType<typeof createTranslator> | undefined;
/** The command line's words: Vietnamese, the default language (loaded on first use). */
export function cliText(): Translate {
  translator ??= createTranslator();
  return translator(defaultLocale);
}
