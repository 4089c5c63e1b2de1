import type { PlatformAdapter } from "../../../src/adapters/platform-adapter.js";
import type { Database } from "../../../src/core/index.js";
import { startZaloOaFake, type ZaloOaFake } from "../../support/fakes/zalo-oa-fake.js";
import { type ServedApp, startServedApp } from "../../support/served-app.js";

export const appId = "50554360515256678";
export const secretKey = "oa-secret-key-for-tests";
// startServedApp's clock: noon in Hà Nội on the fixture day.
export const servedNow = () => new Date("2023-05-10T12:00:00+07:00");

export interface ServedOa {
  served: ServedApp;
  fake: ZaloOaFake;
  adapter: PlatformAdapter;
  webhook: string;
  /** Another served app on the same database and fake: a restart. */
  restart(): Promise<ServedApp>;
  stop(): Promise<void>;
}

/** `thidua serve` with only the Zalo OA configured, pointed at a fresh fake. */
export async function serveOa(
  database: Database,
  options: { webhookSecret?: string } = {},
): Promise<ServedOa> {
  const fake = await startZaloOaFake({ appId, secretKey, now: servedNow });
  const env = {
    ...(options.webhookSecret ? { ZALO_OA_WEBHOOK_SECRET: options.webhookSecret } : {}),
    ZALO_OA_APP_ID: appId,
    ZALO_OA_SECRET_KEY: secretKey,
    ZALO_OA_REFRESH_TOKEN: fake.firstRefreshToken,
    ZALO_OA_API_ROOT: fake.url,
    ZALO_OA_OAUTH_ROOT: fake.url,
    THIDUA_SECRET_KEY: "a-test-key-of-sixteen-plus-chars",
  };
  const apps: ServedApp[] = [await startServedApp(database, env)];
  const served = apps[0] as ServedApp;
  const adapter = served.server.adapters.find((a) => a.platform === "zalo-oa");
  if (!adapter) throw new Error("the served app has no zalo-oa adapter");
  return {
    served,
    fake,
    adapter,
    webhook: `${served.url}/zalo/oa/webhook`,
    async restart() {
      const again = await startServedApp(database, env);
      apps.push(again);
      return again;
    },
    async stop() {
      for (const app of apps) await app.stop();
      await fake.close();
    },
  };
}
