import { eq, sql } from "drizzle-orm";
import type { Db } from "../storage/open-database.js";
import { conversationStates } from "../storage/schema.js";

/** What a chat keeps between messages: the flow it is in, its step and that flow's data. */
export interface ConversationState {
  flow: string;
  step: string;
  data: unknown;
  updatedAt: Date;
}

// Read on every message: prepared once per database.
function prepareRead(db: Db) {
  return db
    .select({
      flow: conversationStates.flow,
      step: conversationStates.step,
      data: conversationStates.data,
      updatedAt: conversationStates.updatedAt,
    })
    .from(conversationStates)
    .where(eq(conversationStates.identityId, sql.placeholder("identityId")))
    .prepare("read_conversation_state");
}
const reads = new WeakMap<Db, ReturnType<typeof prepareRead>>();

/** The state a chat identity left, if any. */
export async function readConversationState(db: Db, identityId: number): Promise<ConversationState | null> {
  let read = reads.get(db);
  if (!read) {
    read = prepareRead(db);
    reads.set(db, read);
  }
  const [row] = await read.execute({ identityId });
  return row ?? null;
}

/** Stores a chat identity's state, replacing what it had. */
export async function writeConversationState(
  db: Db,
  identityId: number,
  state: Omit<ConversationState, "updatedAt">,
  at: Date,
): Promise<void> {
  const values = { flow: state.flow, step: state.step, data: state.data, updatedAt: at };
  await db
    .insert(conversationStates)
    .values({ identityId, ...values })
    .onConflictDoUpdate({ target: conversationStates.identityId, set: values });
}

/** Forgets a chat identity's state. */
export async function clearConversationState(db: Db, identityId: number): Promise<void> {
  await db.delete(conversationStates).where(eq(conversationStates.identityId, identityId));
}
