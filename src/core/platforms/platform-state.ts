import { ErrorCode, ThiduaError } from "../errors.js";
import type { Db } from "../storage/open-database.js";
import { readAdapterState, writeAdapterState } from "../storage/repositories/adapter-state.js";
import {
  deleteHandledInboundUpdates,
  insertInboundUpdate,
  markInboundUpdateHandled,
  unhandledInboundUpdates,
} from "../storage/repositories/inbound-updates.js";
import type { SecretBox } from "./secret-box.js";

/** What the platform adapters keep in the database: seen updates, small values and sealed secrets. */
export interface PlatformState {
  /** Records an update; true only the first time this platform × id arrives. */
  claimUpdate(platform: string, updateId: string, payload?: unknown): Promise<boolean>;
  /** The update has been answered; a restart will not answer it again. */
  finishUpdate(platform: string, updateId: string): Promise<void>;
  /** Updates acknowledged but never answered (the process stopped in between), oldest first. */
  unfinishedUpdates(
    platform: string,
    receivedBefore: Date,
  ): Promise<{ updateId: string; payload: unknown }[]>;
  /** Forgets answered updates older than a moment. */
  forgetUpdates(receivedBefore: Date): Promise<number>;
  get(key: string): Promise<string | undefined>;
  put(key: string, value: string): Promise<void>;
  /** A secret, opened with THIDUA_SECRET_KEY. */
  getSecret(key: string): Promise<string | undefined>;
  /** Stores a secret sealed with THIDUA_SECRET_KEY; refused when no key is configured. */
  putSecret(key: string, value: string): Promise<void>;
}

/** Platform state in the database; `box` seals secrets (absent when THIDUA_SECRET_KEY is unset). */
export function databasePlatformState(db: Db, options: { now: () => Date; box?: SecretBox }): PlatformState {
  const { now, box } = options;
  const needBox = (): SecretBox => {
    if (!box) {
      throw new ThiduaError(ErrorCode.ConfigInvalid, "THIDUA_SECRET_KEY is needed to store platform tokens", {
        messageKey: "errors.secret_key_missing",
        params: { variable: "THIDUA_SECRET_KEY" },
      });
    }
    return box;
  };
  return {
    claimUpdate: (platform, updateId, payload) =>
      insertInboundUpdate(db, { platform, updateId, payload, at: now() }),
    finishUpdate: (platform, updateId) => markInboundUpdateHandled(db, { platform, updateId, at: now() }),
    unfinishedUpdates: (platform, before) => unhandledInboundUpdates(db, platform, before),
    forgetUpdates: (before) => deleteHandledInboundUpdates(db, before),
    async get(key) {
      const row = await readAdapterState(db, key);
      return row && !row.sealed ? row.value : undefined;
    },
    put: (key, value) => writeAdapterState(db, { key, value, sealed: false, at: now() }),
    async getSecret(key) {
      const row = await readAdapterState(db, key);
      if (!row?.sealed) return undefined;
      return needBox().open(row.value);
    },
    async putSecret(key, value) {
      await writeAdapterState(db, { key, value: needBox().seal(value), sealed: true, at: now() });
    },
  };
}
