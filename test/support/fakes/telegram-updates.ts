import type { Update } from "grammy/types";

// Updates as Telegram sends them (private chats: the chat id is the user's id).

const person = (userId: number, languageCode?: string) => ({
  id: userId,
  is_bot: false,
  first_name: "Lan",
  ...(languageCode ? { language_code: languageCode } : {}),
});

const commandEntity = (text: string) => {
  const command = /^\/\w+(@\w+)?/.exec(text)?.[0];
  return command ? { entities: [{ type: "bot_command" as const, offset: 0, length: command.length }] } : {};
};

/** A text message (a command gets its bot_command entity, as Telegram sends it). */
export function textUpdate(o: {
  updateId: number;
  userId: number;
  text: string;
  languageCode?: string;
}): Update {
  return {
    update_id: o.updateId,
    message: {
      message_id: o.updateId * 10,
      date: 1683700000,
      chat: { id: o.userId, type: "private", first_name: "Lan" },
      from: person(o.userId, o.languageCode),
      text: o.text,
      ...commandEntity(o.text),
    },
  };
}

/** A press on an inline keyboard button carrying `data`. */
export function buttonUpdate(o: {
  updateId: number;
  userId: number;
  data: string;
  languageCode?: string;
}): Update {
  return {
    update_id: o.updateId,
    callback_query: {
      id: `cq${o.updateId}`,
      from: person(o.userId, o.languageCode),
      chat_instance: "-4242",
      data: o.data,
      message: {
        message_id: 5,
        date: 1683700000,
        chat: { id: o.userId, type: "private", first_name: "Lan" },
        from: { id: 7000001, is_bot: true, first_name: "Thi đua" },
        text: "…",
      },
    },
  };
}
