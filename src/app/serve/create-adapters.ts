import type { PlatformAdapter, PlatformAdapterDeps } from "../../adapters/platform-adapter.js";
import type { PlatformsConfig } from "../../core/index.js";

// Each platform's code (grammY, Bolt) is loaded only when that platform is configured.
/** Builds the adapter of every configured platform (not started). */
export async function createAdapters(
  platforms: PlatformsConfig,
  deps: PlatformAdapterDeps,
): Promise<PlatformAdapter[]> {
  const adapters: PlatformAdapter[] = [];
  if (platforms.telegram) {
    const { createTelegramAdapter } = await import("../../adapters/telegram/telegram-adapter.js");
    adapters.push(createTelegramAdapter(deps, platforms.telegram));
  }
  if (platforms.zaloBot) {
    const { createZaloBotAdapter } = await import("../../adapters/zalo-bot/zalo-bot-adapter.js");
    adapters.push(createZaloBotAdapter(deps, platforms.zaloBot));
  }
  if (platforms.zaloOa) {
    const { createZaloOaAdapter } = await import("../../adapters/zalo-oa/zalo-oa-adapter.js");
    adapters.push(createZaloOaAdapter(deps, platforms.zaloOa));
  }
  if (platforms.slack) {
    const { createSlackAdapter } = await import("../../adapters/slack/slack-adapter.js");
    adapters.push(createSlackAdapter(deps, platforms.slack));
  }
  return adapters;
}
