import type { Db } from "../storage/open-database.js";
import {
  deleteConversationState,
  findConversationState,
  upsertConversationState,
} from "../storage/repositories/conversation-states.js";

/** What a chat keeps between messages: the flow it is in, its step and that flow's data. */
export interface ConversationState {
  flow: string;
  step: string;
  data: unknown;
  updatedAt: Date;
}

/** The state a chat identity left, if any. */
export async function readConversationState(db: Db, identityId: number): Promise<ConversationState | null> {
  return (await findConversationState(db, identityId)) ?? null;
}

/** Stores a chat identity's state, replacing what it had. */
export async function writeConversationState(
  db: Db,
  identityId: number,
  state: Omit<ConversationState, "updatedAt">,
  at: Date,
): Promise<void> {
  await upsertConversationState(db, identityId, {
    flow: state.flow,
    step: state.step,
    data: state.data,
    updatedAt: at,
  });
}

/** Forgets a chat identity's state. */
export async function clearConversationState(db: Db, identityId: number): Promise<void> {
  await deleteConversationState(db, identityId);
}
