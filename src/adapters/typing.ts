export interface TypingOptions {
  /** Quick answers show no typing: one API call less per message under the platform's rate limits. */
  after: number;
  /** A typing indicator lasts about 5 s; it is sent again while the answer is still being prepared. */
  every: number;
  /** A failed typing action does not stop the answer. */
  onError(error: unknown): void;
}

/**
 * Waits for `work`, sending a typing action if it takes longer than `after` ms, then every `every` ms.
 * A typing action already on its way is awaited, so that the indicator never follows the answer.
 */
export async function withTyping<T>(
  work: Promise<T>,
  sendTyping: () => Promise<unknown>,
  options: TypingOptions,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let sending: Promise<unknown> | undefined;
  const tick = () => {
    sending = sendTyping().catch(options.onError);
    timer = setTimeout(tick, options.every);
  };
  timer = setTimeout(tick, options.after);
  try {
    return await work;
  } finally {
    clearTimeout(timer);
    await sending;
  }
}
