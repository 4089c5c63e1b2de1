import { z } from "zod";
import type { Logger, PlatformState } from "../../bot/index.js";
import { parseJson } from "../parse-json.js";
import { ZaloOaError } from "./zalo-oa-error.js";

/** Where the token pair lives, sealed with THIDUA_SECRET_KEY. */
export const tokensKey = "zalo-oa:tokens";

// An access token lives about 25 hours; one this close to its end is refreshed before use.
const refreshMargin = 5 * 60 * 1000;

const storedSchema = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  expiresAt: z.iso.datetime(),
});
type StoredTokens = z.infer<typeof storedSchema>;

const refreshAnswer = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.union([z.string().regex(/^\d+$/), z.number().int().positive()]).transform(Number),
});

export interface TokenKeeper {
  /** A valid access token, refreshed first when it has expired or is about to. */
  accessToken(): Promise<string>;
  /** Zalo refused `rejected` (-216): a new one, unless another call already replaced it. */
  replace(rejected: string): Promise<string>;
}

export interface TokenKeeperOptions {
  appId: string;
  /** The app's secret key, sent as the `secret_key` header. */
  secretKey: string;
  /** ZALO_OA_REFRESH_TOKEN: used only while nothing is stored. */
  firstRefreshToken: string | undefined;
  oauthRoot: string;
  state: PlatformState;
  now: () => Date;
  log: Logger;
}

/**
 * Keeps the OA's access token. Zalo's refresh tokens are single-use: each refresh returns a new
 * pair, saved in one sealed write before the new access token is used, and only one refresh is
 * ever in flight in this process, so the same refresh token is never spent twice.
 */
export function createTokenKeeper(options: TokenKeeperOptions): TokenKeeper {
  const { state, now, log } = options;
  let current: StoredTokens | undefined;
  let refreshing: Promise<StoredTokens> | null = null;

  const fresh = (tokens: StoredTokens | undefined): tokens is StoredTokens =>
    tokens !== undefined && Date.parse(tokens.expiresAt) - now().getTime() > refreshMargin;

  async function stored(): Promise<StoredTokens | undefined> {
    const text = await state.getSecret(tokensKey);
    if (text === undefined) return undefined;
    const parsed = storedSchema.safeParse(parseJson(text));
    if (!parsed.success)
      log.warn({ platform: "zalo-oa" }, "stored OA tokens unreadable; using the env token");
    return parsed.success ? parsed.data : undefined;
  }

  // Single flight: every caller that needs a refresh while one runs waits for that one.
  function refresh(unless: (tokens: StoredTokens) => boolean): Promise<StoredTokens> {
    refreshing ??= (async () => {
      // Another process (or a restart) may have refreshed already: its pair is the live one.
      const latest = await stored();
      if (latest && unless(latest)) return latest;
      const refreshToken = latest?.refreshToken ?? current?.refreshToken ?? options.firstRefreshToken;
      if (!refreshToken) {
        throw new ZaloOaError(
          "no_refresh_token",
          "no Zalo OA refresh token: set ZALO_OA_REFRESH_TOKEN to the one the OA authorization gave",
        );
      }
      const tokens = await exchange(refreshToken);
      await state.putSecret(tokensKey, JSON.stringify(tokens));
      log.info({ platform: "zalo-oa", expiresAt: tokens.expiresAt }, "OA access token refreshed");
      return tokens;
    })().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  async function exchange(refreshToken: string): Promise<StoredTokens> {
    const response = await fetch(`${options.oauthRoot}/v4/oa/access_token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", secret_key: options.secretKey },
      body: new URLSearchParams({
        app_id: options.appId,
        grant_type: "refresh_token",
        refresh_token: refreshToken,
      }),
    }).catch((error: unknown) => {
      throw new ZaloOaError("unavailable", `Zalo OAuth unreachable: ${String(error)}`);
    });
    const body: unknown = await response.json().catch(() => null);
    const answer = refreshAnswer.safeParse(body);
    if (!answer.success) {
      // Failures come back as HTTP 200 with error / error_description; the old pair is kept.
      const reason = z
        .object({ error: z.number().optional(), error_description: z.string().optional() })
        .safeParse(body);
      const code = reason.success ? reason.data.error : undefined;
      const description = reason.success ? reason.data.error_description : undefined;
      throw new ZaloOaError(
        response.status >= 500 ? "unavailable" : "refresh_failed",
        `Zalo refused the OA refresh token (${code ?? response.status}: ${description ?? "no description"}): ` +
          "if it was lost or expired, authorize the app on the OA again and set ZALO_OA_REFRESH_TOKEN",
        code,
      );
    }
    return {
      accessToken: answer.data.access_token,
      refreshToken: answer.data.refresh_token,
      expiresAt: new Date(now().getTime() + answer.data.expires_in * 1000).toISOString(),
    };
  }

  return {
    async accessToken() {
      if (!fresh(current)) {
        const latest = await stored();
        current = fresh(latest) ? latest : await refresh(fresh);
      }
      return current.accessToken;
    },
    async replace(rejected) {
      if (current && current.accessToken !== rejected && fresh(current)) return current.accessToken;
      current = await refresh((tokens) => tokens.accessToken !== rejected && fresh(tokens));
      return current.accessToken;
    },
  };
}
