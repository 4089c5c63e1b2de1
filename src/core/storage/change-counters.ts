import type { Db } from "./open-database.js";

/**
 * What a cache may hold: the published plans, the organisation's units and groups, waiting notices,
 * registrations in progress.
 */
export type ChangeTopic = "plans" | "units" | "notices" | "drafts";

// Counters of the writes made through this process, per database. A reader that caches can tell at
// no cost whether its own process changed the data; other processes are checked for in the database.
const counters = new WeakMap<Db, Map<ChangeTopic, number>>();

/** Records that this process changed a topic of this database. */
export function noteChange(db: Db, topic: ChangeTopic): void {
  const topics = counters.get(db) ?? new Map<ChangeTopic, number>();
  topics.set(topic, (topics.get(topic) ?? 0) + 1);
  counters.set(db, topics);
}

/** How many changes this process has made to a topic of this database. */
export function changeCount(db: Db, topic: ChangeTopic): number {
  return counters.get(db)?.get(topic) ?? 0;
}
