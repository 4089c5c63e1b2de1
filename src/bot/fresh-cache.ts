import { type ChangeTopic, changeCount, type Db } from "../core/index.js";

// Other processes (thidua plan publish against the same PostgreSQL) are seen within this time; this
// process's own writes at once. Elapsed time, not the injected clock: this is about a cache's freshness.
const recheckAfterMs = 1000;

/**
 * A value read from the database and kept while it cannot have changed: this process has not written
 * its topic, and the database's version of it was the same less than a second ago.
 */
export function freshCache<T>(
  db: Db,
  topic: ChangeTopic,
  versionOf: (db: Db) => Promise<string>,
  /** Reads the value; it is handed the version just read, for a value that is its own version. */
  load: (db: Db, version: string) => Promise<T>,
): () => Promise<T> {
  let kept: { value: T; version: string; local: number; checkedAt: number } | null = null;
  return async () => {
    const local = changeCount(db, topic);
    if (kept && kept.local === local && performance.now() - kept.checkedAt < recheckAfterMs)
      return kept.value;
    const version = await versionOf(db);
    if (kept?.version === version) {
      kept.local = local;
      kept.checkedAt = performance.now();
      return kept.value;
    }
    const value = await load(db, version);
    kept = { value, version, local, checkedAt: performance.now() };
    return value;
  };
}
