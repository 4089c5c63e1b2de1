import { eq, sql } from "drizzle-orm";
import type { Db } from "../open-database.js";
import { preparedPerDatabase } from "../prepared-statements.js";
import { conversationStates } from "../schema.js";

/** A row of conversation_states without its key: the flow, its step, that flow's data and when. */
export interface StoredConversationState {
  flow: string;
  step: string;
  data: unknown;
  updatedAt: Date;
}

// Read and written on every message: prepared once per database.
const read = preparedPerDatabase((db) =>
  db
    .select({
      flow: conversationStates.flow,
      step: conversationStates.step,
      data: conversationStates.data,
      updatedAt: conversationStates.updatedAt,
    })
    .from(conversationStates)
    .where(eq(conversationStates.identityId, sql.placeholder("identityId")))
    .prepare("read_conversation_state"),
);
const write = preparedPerDatabase((db) =>
  db
    .insert(conversationStates)
    .values({
      identityId: sql.placeholder("identityId"),
      flow: sql.placeholder("flow"),
      step: sql.placeholder("step"),
      data: sql.placeholder("data"),
      updatedAt: sql`${sql.placeholder("updatedAt")}::timestamptz`,
    })
    .onConflictDoUpdate({
      target: conversationStates.identityId,
      set: {
        flow: sql`excluded.flow`,
        step: sql`excluded.step`,
        data: sql`excluded.data`,
        updatedAt: sql`excluded.updated_at`,
      },
    })
    .prepare("write_conversation_state"),
);

/** The state stored for a chat identity, if any. */
export async function findConversationState(
  db: Db,
  identityId: number,
): Promise<StoredConversationState | undefined> {
  const [row] = await read(db).execute({ identityId });
  return row;
}

/** Stores a chat identity's state, replacing the row it had. */
export async function upsertConversationState(
  db: Db,
  identityId: number,
  values: StoredConversationState,
): Promise<void> {
  await write(db).execute({ identityId, ...values, updatedAt: values.updatedAt.toISOString() });
}

/** Deletes a chat identity's state. */
export async function deleteConversationState(db: Db, identityId: number): Promise<void> {
  await db.delete(conversationStates).where(eq(conversationStates.identityId, identityId));
}
