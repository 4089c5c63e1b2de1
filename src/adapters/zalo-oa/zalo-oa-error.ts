/** Why an OA call did not deliver, as a state a caller can act on. */
export type ZaloOaFailure =
  /** -230 / -232: the person has not written to the OA within the consultation window (7 days). */
  | "outside_reply_window"
  /** -213: the person does not follow the OA. */
  | "not_follower"
  /** -227 / -217 / -244: banned, inactive for 45 days, or has refused messages from the OA. */
  | "user_unreachable"
  /** -32 after every retry: the app or the OA is over its calls per minute. */
  | "rate_limited"
  /** -216 / -220 / HTTP 401 even with a freshly refreshed access token. */
  | "token_rejected"
  /** The OAuth server refused the refresh token (used twice, expired, wrong app secret). */
  | "refresh_failed"
  /** Nothing stored and ZALO_OA_REFRESH_TOKEN unset. */
  | "no_refresh_token"
  /** Not JSON, a 5xx, or the network failed: worth trying again later. */
  | "unavailable"
  /** Any other error code: the message itself was refused. */
  | "refused";

// The states a caller can fall back from (another platform, a ZNS template); the others are faults.
const undeliverable = new Set<ZaloOaFailure>([
  "outside_reply_window",
  "not_follower",
  "user_unreachable",
  "refused",
]);

/** A failed Zalo OA call, made once at the client's boundary. */
export class ZaloOaError extends Error {
  readonly failure: ZaloOaFailure;
  /** Zalo's own `error` code, when it gave one. */
  readonly zaloCode: number | undefined;

  constructor(failure: ZaloOaFailure, message: string, zaloCode?: number) {
    super(message);
    this.name = "ZaloOaError";
    this.failure = failure;
    this.zaloCode = zaloCode;
  }

  /** The message cannot reach this person this way; trying again will not help. */
  get undeliverable(): boolean {
    return undeliverable.has(this.failure);
  }
}

/** The state of a non-zero `error` of the OA API, other than token and rate-limit codes. */
export function failureOf(code: number): ZaloOaFailure {
  if (code === -230 || code === -232) return "outside_reply_window";
  if (code === -213) return "not_follower";
  if (code === -227 || code === -217 || code === -244) return "user_unreachable";
  return "refused";
}
