/** Every error code the assistant can raise; each maps to a message key in locales/. */
export const ErrorCode = {
  ConfigInvalid: "config_invalid",
  DatabaseUnreachable: "database_unreachable",
  NotFound: "not_found",
  Conflict: "conflict",
  InputInvalid: "input_invalid",
  Forbidden: "forbidden",
  Internal: "internal",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** A failure with a stable code for logs and a locale key for what the user is told. */
export class ThiduaError extends Error {
  readonly code: ErrorCode;
  readonly messageKey: string;
  readonly params: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { messageKey?: string; params?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "ThiduaError";
    this.code = code;
    this.messageKey = options.messageKey ?? `errors.${code}`;
    this.params = options.params ?? {};
  }
}

/** Wraps anything thrown into a ThiduaError, keeping the original as the cause. */
export function asThiduaError(error: unknown): ThiduaError {
  if (error instanceof ThiduaError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ThiduaError(ErrorCode.Internal, message, { cause: error });
}
