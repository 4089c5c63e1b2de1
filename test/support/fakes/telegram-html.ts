// What Telegram's HTML parse mode accepts, checked the way the Bot API refuses a message:
// known tags only, balanced, and every "&" starting an entity.
const allowedTags = new Set(["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre"]);
const token = /<(\/?)([a-z-]+)(?:\s[^>]*)?>|&(?:lt|gt|amp|quot|#\d+|#x[0-9a-f]+);|[<>&]|[^<>&]+/giu;

/** The error Telegram would give ("Bad Request: can't parse entities: …"), or null when it parses. */
export function htmlProblem(html: string): string | null {
  const open: string[] = [];
  for (const match of html.matchAll(token)) {
    const [text, closing, name] = match;
    if (text === "<" || text === ">" || text === "&") return `unescaped "${text}" at ${match.index}`;
    if (!name) continue;
    if (!allowedTags.has(name)) return `unsupported start tag "${name}" at ${match.index}`;
    if (!closing) open.push(name);
    else if (open.pop() !== name) return `unexpected end tag "${name}" at ${match.index}`;
  }
  return open.length ? `can't find end tag corresponding to start tag "${open.at(-1)}"` : null;
}

/** The text a person sees: tags removed, entities read. */
export function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, "&");
}
