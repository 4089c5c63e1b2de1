import { eq, sql } from "drizzle-orm";
import type { Db } from "../open-database.js";
import { conversationStates } from "../schema.js";

/** A row of conversation_states without its key: the flow, its step, that flow's data and when. */
export interface StoredConversationState {
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

/** The state stored for a chat identity, if any. */
export async function findConversationState(
  db: Db,
  identityId: number,
): Promise<StoredConversationState | undefined> {
  let read = reads.get(db);
  if (!read) {
    read = prepareRead(db);
    reads.set(db, read);
  }
  const [row] = await read.execute({ identityId });
  return row;
}

/** Stores a chat identity's state, replacing the row it had. */
export async function upsertConversationState(
  db: Db,
  identityId: number,
  values: StoredConversationState,
): Promise<void> {
  await db
    .insert(conversationStates)
    .values({ identityId, ...values })
    .onConflictDoUpdate({ target: conversationStates.identityId, set: values });
}

/** Deletes a chat identity's state. */
export async function deleteConversationState(db: Db, identityId: number): Promise<void> {
  await db.delete(conversationStates).where(eq(conversationStates.identityId, identityId));
}
