import type { PlatformState } from "./platform-state.js";

/** The in-memory twin of the database's platform state, for adapter unit tests. */
export function memoryPlatformState(options: { now: () => Date }): PlatformState {
  const updates = new Map<string, { payload: unknown; handled: boolean; at: Date }>();
  const values = new Map<string, string>();
  const secrets = new Map<string, string>();
  const key = (platform: string, id: string) => `${platform}\u0000${id}`;
  return {
    async claimUpdate(platform, updateId, payload) {
      if (updates.has(key(platform, updateId))) return false;
      updates.set(key(platform, updateId), { payload, handled: false, at: options.now() });
      return true;
    },
    async finishUpdate(platform, updateId) {
      const row = updates.get(key(platform, updateId));
      if (row) row.handled = true;
    },
    async unfinishedUpdates(platform, before) {
      return [...updates.entries()]
        .filter(([k, row]) => k.startsWith(`${platform}\u0000`) && !row.handled && row.at < before)
        .map(([k, row]) => ({ updateId: k.slice(platform.length + 1), payload: row.payload }));
    },
    async forgetUpdates(before) {
      let n = 0;
      for (const [k, row] of updates)
        if (row.handled && row.at < before) {
          updates.delete(k);
          n++;
        }
      return n;
    },
    get: async (k) => values.get(k),
    put: async (k, v) => {
      values.set(k, v);
    },
    getSecret: async (k) => secrets.get(k),
    putSecret: async (k, v) => {
      secrets.set(k, v);
    },
  };
}
