import type { Intent } from "../intents.js";

// Commands and codes are read exactly, never guessed: a slash command, a choice coming back from a
// button ("/han 12"), an invite code. Patterns run on the folded message ("/start k7m2 qx9p").
const commands: [RegExp, Intent][] = [
  [/^(\/start|ma moi|invite code|code)\s+[a-z0-9]{4}\s?[a-z0-9]{4}$/, "redeem_invite"],
  [/^\/start$/, "greeting"],
  [/^\/(help|trogiup|tro giup|menu)$/, "help"],
  [/^\/lang (en|vi)$/, "set_language"],
  [/^\/moi\s+\S/, "invite"],
  [/^\/han( \d+)?$/, "deadline_of"],
  [/^\/hoso( \d+)?$/, "requirements_of"],
  [/^\/trangthai$/, "my_status"],
  [/^\/danop\b/, "mark_submitted"],
  [/^\/chuanop\b/, "missing_units"],
  [/^\/nhan \d+ \S+/, "receive"],
  [/^\/bosung \d+ \S+/, "return_for_completion"],
  [/^\/dang ?ky$/, "register"],
  [/^\/dang ?ky (duyet|tra|xem|ds)\b/, "registration_review"],
  [/^\/huy$/, "undo"],
  [/^\/nhaclai \d+$/, "snooze"],
  [/^\/(nhacday|bantin (bat|tat|on|off))$/, "reminder_settings"],
  [/^\/nhac( |$)/, "reminders"],
  [/^\/(quit|thoat|exit)$/, "farewell"],
];

/**
 * The commands platforms offer in their menus (Telegram's setMyCommands, Slack's "/thidua han"), each
 * described by locales' platforms.commands.<name>.
 */
export const menuCommands = ["start", "han", "hoso", "trangthai", "dangky", "lang", "trogiup"] as const;

/** The intent of a command or code, or null when the message is free text. */
export function commandIntent(folded: string): Intent | null {
  for (const [pattern, intent] of commands) if (pattern.test(folded)) return intent;
  return null;
}

/** The language a message asks for ("/lang en", "English please", "nói tiếng Việt"), if it names one. */
export function languageNamed(folded: string): "vi" | "en" | null {
  if (/\b(en|english|tieng anh|anh ngu)\b/.test(folded)) return "en";
  if (/\b(vi|vietnamese|tieng viet|viet)\b/.test(folded)) return "vi";
  return null;
}
