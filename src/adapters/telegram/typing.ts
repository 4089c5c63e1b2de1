export interface TypingOptions {
  /** Quick answers show no typing: one API call less per message under Telegram's rate limits. */
  after: number;
  /** Telegram shows "typing…" for 5 s; it is sent again while the answer is still being prepared. */
  every: number;
  /** A failed typing action does not stop the answer. */
  onError(error: unknown): void;
}

export const typingDefaults = { after: 1_000, every: 4_500 };

/** Waits for `work`, sending a typing action if it takes longer than `after` ms, then every `every` ms. */
export async function withTyping<T>(
  work: Promise<T>,
  sendTyping: () => Promise<unknown>,
  options: TypingOptions,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    sendTyping().catch(options.onError);
    timer = setTimeout(tick, options.every);
  };
  timer = setTimeout(tick, options.after);
  try {
    return await work;
  } finally {
    clearTimeout(timer);
  }
}
