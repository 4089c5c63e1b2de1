/** JSON.parse that answers null instead of throwing: callers validate the result with zod anyway. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
