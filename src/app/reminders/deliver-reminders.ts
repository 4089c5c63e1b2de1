import type { ChatAdapter } from "../../adapters/chat-adapter.js";
import type { Assistant } from "../../bot/index.js";
import type { Deliver } from "../../core/index.js";

/**
 * Sends reminders through the platforms' adapters: the assistant words each one in its recipient's
 * language with its buttons, the adapter of the recipient's platform sends it. A platform this
 * process does not serve counts as unreachable, so the dispatcher tries the person's other accounts.
 */
export function deliverThrough(adapters: ReadonlyMap<string, ChatAdapter>, assistant: Assistant): Deliver {
  return async (message) => {
    const adapter = adapters.get(message.platform);
    if (!adapter) return { status: "unreachable", error: `${message.platform} is not served here` };
    const result = await adapter.send({ chatId: message.chatId }, assistant.reminderReply(message));
    if (result.ok) return { status: "sent" };
    return result.reason === "unreachable"
      ? { status: "unreachable", error: result.error }
      : {
          status: "failed",
          error: result.error,
          ...(result.retryAfterMs !== undefined ? { retryAfterMs: result.retryAfterMs } : {}),
        };
  };
}
