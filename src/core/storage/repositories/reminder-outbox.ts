import { and, count, eq, like, lte } from "drizzle-orm";
import type { Db } from "../open-database.js";
import { reminderOutbox } from "../schema.js";

export type NewReminder = typeof reminderOutbox.$inferInsert;

/** Queues messages for chat identities. */
export async function queueReminders(db: Db, reminders: NewReminder[]): Promise<void> {
  await db.insert(reminderOutbox).values(reminders);
}

/**
 * Marks the pending messages due for a chat identity sent and returns them: one statement, so none
 * is taken twice.
 */
export async function takeDueReminders(
  db: Db,
  identityId: number,
  at: Date,
): Promise<{ payload: unknown; taskId: number | null }[]> {
  return db
    .update(reminderOutbox)
    .set({ state: "sent", sentAt: at })
    .where(
      and(
        eq(reminderOutbox.identityId, identityId),
        eq(reminderOutbox.kind, "notice"),
        eq(reminderOutbox.state, "pending"),
        lte(reminderOutbox.dueAt, at),
      ),
    )
    .returning({ payload: reminderOutbox.payload, taskId: reminderOutbox.taskId });
}

/** How many notices wait to be shown, to anyone. */
export async function countPendingReminders(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(reminderOutbox)
    .where(and(eq(reminderOutbox.state, "pending"), eq(reminderOutbox.kind, "notice")));
  return row?.n ?? 0;
}

/** Deletes the pending messages whose idempotency key matches a LIKE pattern; returns their ids. */
export async function withdrawPendingReminders(db: Db, keyPattern: string): Promise<{ id: number }[]> {
  return db
    .delete(reminderOutbox)
    .where(and(like(reminderOutbox.idempotencyKey, keyPattern), eq(reminderOutbox.state, "pending")))
    .returning({ id: reminderOutbox.id });
}
