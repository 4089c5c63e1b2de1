import type { ChatContext } from "./chat-memory.js";
import type { Intent } from "./intents.js";
import { type ModelIntent, modelIntents } from "./understanding/intent-corpus.js";
import type { Period } from "./understanding/question-period.js";
import type { Reading } from "./understanding/read-message.js";
import { contextMinutes, intentFloor, readingsClose } from "./understanding/thresholds.js";
import { topicWords } from "./understanding/topic-match.js";

/** What the assistant will answer for a message, once the chat's context is taken into account. */
export interface Turn {
  intent: Intent;
  period: Period | null;
  /** The text answers rank the plans by: the message, or with the subject it refers back to. */
  topic: string;
  /** Other readings close to the chosen one, offered as choices ("Hay bạn muốn hỏi …"). */
  alternatives: ModelIntent[];
  /** The task the previous answer was about, when this message refers back to it ("bộ đó"). */
  focus?: { planId: number | null; taskId: number | null };
}

/** Intents whose answer records something: never made on a guess. */
export const writingIntents = new Set<Intent>(["mark_submitted", "receive", "return_for_completion"]);

// Intents a follow-up ("còn tháng sau?", "thế còn khối thi đua?") can continue.
const continuable = new Set<Intent>([
  "due_in_period",
  "overdue",
  "deadline_of",
  "requirements_of",
  "where_to_submit",
  "contact",
  "my_status",
  "missing_units",
  "search",
]);

// Words that refer back to what was just asked about ("hồ sơ đó", "that dossier").
const referring = new Set(["do", "ay", "kia", "that", "it", "those", "them", "same"]);
// Words that only name a time: "còn tháng sau?" names no new subject.
const timeWords = new Set(
  "sau toi truoc nay tuan thang quy hoc ky nam hom mai qua next last this week month quarter semester year today tomorrow".split(
    " ",
  ),
);

/** Whether a kept context is recent enough to lean on. */
export function isFresh(context: ChatContext | null, now: Date): context is ChatContext {
  return context !== null && now.getTime() - Date.parse(context.at) <= contextMinutes * 60_000;
}

const isModelIntent = (intent: string): intent is ModelIntent =>
  (modelIntents as readonly string[]).includes(intent);

/** Decides what to answer: the reading, or the previous question continued with what is new. */
export function planTurn(reading: Reading, context: ChatContext | null): Turn {
  const message = reading.message;
  const subject = topicWords(message.subject).filter((w) => !timeWords.has(w) && !/^\d+$/.test(w));
  const [best, ...rest] = reading.ranked;
  // A reading set over the model's ("có … được không" read as a rule) offers the model's own first, not itself.
  const overridden = best && best.intent !== reading.intent ? [best] : [];
  const alternatives =
    !reading.confident && best
      ? [...overridden, ...rest]
          .filter((r) => r.score >= intentFloor && best.score - r.score <= readingsClose)
          .map((r) => r.intent)
          .filter((i) => !writingIntents.has(i) && i !== reading.intent)
          .slice(0, 2)
      : [];
  const turn: Turn = { intent: reading.intent, period: reading.period, topic: message.subject, alternatives };
  if (!context || reading.byCommand) return turn;
  const previous = context.intent && isModelIntent(context.intent) ? context.intent : null;
  // "còn tháng sau?", "what about next week?", "thế còn khối thi đua?": the last question again, with
  // what this one changes — unless it clearly asks something else.
  const continues =
    message.followup &&
    previous !== null &&
    continuable.has(previous) &&
    message.words.length <= 6 &&
    !(reading.confident && reading.intent !== previous && !reading.period);
  const focus = { planId: context.planId ?? null, taskId: context.taskId ?? null };
  if (continues) {
    return {
      intent: previous,
      period: reading.period ?? context.period ?? null,
      topic: subject.length ? message.subject : (context.topic ?? message.subject),
      alternatives: [],
      ...(subject.length ? {} : { focus }),
    };
  }
  // "hồ sơ đó gửi về đâu?": the subject is the one asked about before.
  if (context.topic && message.words.some((w) => referring.has(w)))
    return { ...turn, topic: `${message.subject} ${context.topic}`, focus };
  return turn;
}
