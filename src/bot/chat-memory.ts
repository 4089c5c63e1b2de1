import { z } from "zod";
import { type Db, readConversationState, writeConversationState } from "../core/index.js";

/** What a chat keeps of its last question, so the next one can lean on it ("còn tháng sau?"). */
export interface ChatContext {
  /** When it was kept (ISO); older than the context window, it is forgotten. */
  at: string;
  intent?: string | undefined;
  period?: { start: string; end: string } | null | undefined;
  planId?: number | null | undefined;
  taskId?: number | null | undefined;
  /** The content words of the last question that named a subject. */
  topic?: string | undefined;
  /** A question the assistant asked and waits an answer to. */
  pending?: Pending | undefined;
}

/** "Bạn xác nhận …?" (a command to run on "có"), or "Bạn muốn hỏi …?" (the question to read again). */
export type Pending = { kind: "confirm"; command: string } | { kind: "clarify"; question: string };

const contextSchema = z.object({
  at: z.string(),
  intent: z.string().optional(),
  period: z.object({ start: z.string(), end: z.string() }).nullable().optional(),
  planId: z.number().nullable().optional(),
  taskId: z.number().nullable().optional(),
  topic: z.string().optional(),
  pending: z
    .discriminatedUnion("kind", [
      z.object({ kind: z.literal("confirm"), command: z.string() }),
      z.object({ kind: z.literal("clarify"), question: z.string() }),
    ])
    .optional(),
});

/** Where chats keep their context: the database in use, memory in unit tests. */
export interface ChatMemory {
  recall(identityId: number): Promise<ChatContext | null>;
  remember(identityId: number, context: ChatContext, at: Date): Promise<void>;
  /** Resolves when every context handed to remember() is stored (before the database closes). */
  settled(): Promise<void>;
}

const flow = "chat";

/**
 * Chat context in the conversation_states table, so a restart or another replica keeps it. A write
 * goes on after the reply is composed; the chat's next recall waits for it, so the order holds.
 */
export function databaseChatMemory(db: Db, onError: (error: unknown) => void): ChatMemory {
  const writing = new Map<number, Promise<void>>();
  return {
    async recall(identityId) {
      await writing.get(identityId);
      const state = await readConversationState(db, identityId);
      if (!state || state.flow !== flow) return null;
      // Written by an older version or by hand: unreadable context is no context.
      const parsed = contextSchema.safeParse(state.data);
      return parsed.success ? parsed.data : null;
    },
    async remember(identityId, context, at) {
      const write = (writing.get(identityId) ?? Promise.resolve())
        .then(() => writeConversationState(db, identityId, { flow, step: "context", data: context }, at))
        // A context not kept only costs the next message its follow-up; the reply is already out.
        .catch(onError)
        .finally(() => {
          if (writing.get(identityId) === write) writing.delete(identityId);
        });
      writing.set(identityId, write);
    },
    async settled() {
      await Promise.all(writing.values());
    },
  };
}

/** The in-memory twin, for tests of the dialogue without a database. */
export function memoryChatMemory(): ChatMemory {
  const kept = new Map<number, ChatContext>();
  return {
    async recall(identityId) {
      return kept.get(identityId) ?? null;
    },
    async remember(identityId, context) {
      kept.set(identityId, context);
    },
    async settled() {},
  };
}
