import { noteChange } from "../storage/change-counters.js";
import type { Db } from "../storage/open-database.js";
import { countPendingReminders, takeDueReminders } from "../storage/repositories/reminder-outbox.js";

/** A message queued for a chat identity: a dossier returned for completion, with its note. */
export interface Notice {
  kind: string;
  taskId: number | null;
  note: string;
}

/**
 * Takes the notices waiting for a chat identity, marking them sent: the person is told when they
 * next write, whether or not a sender has pushed them yet. One statement, so none is told twice.
 */
export async function takeNotices(db: Db, identityId: number, at: Date): Promise<Notice[]> {
  const rows = await takeDueReminders(db, identityId, at);
  if (rows.length) noteChange(db, "notices");
  return rows.map((r) => {
    const payload = r.payload as { kind?: string; note?: string };
    return { kind: payload.kind ?? "", taskId: r.taskId, note: payload.note ?? "" };
  });
}

/** How many notices wait for anyone: a cache key, so a message need not look for its own when none wait. */
export async function pendingNoticeCount(db: Db): Promise<string> {
  return String(await countPendingReminders(db));
}
