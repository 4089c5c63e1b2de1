/**
 * Cuts text into pieces of at most `limit` UTF-16 units (never more characters than a platform counts),
 * at line ends, else at spaces, else anywhere but inside a surrogate pair; blank pieces are dropped.
 */
export function splitOnLines(text: string, limit: number): string[] {
  const pieces: string[] = [];
  let current = "";
  const flush = () => {
    const piece = current.replace(/^\n+|\n+$/g, "");
    if (piece.trim() !== "") pieces.push(piece);
    current = "";
  };
  for (const line of text.split("\n")) {
    const joined = current === "" ? line : `${current}\n${line}`;
    if (joined.length <= limit) {
      current = joined;
      continue;
    }
    flush();
    let rest = line;
    while (rest.length > limit) {
      const cut = cutPoint(rest, limit);
      pieces.push(rest.slice(0, cut).trimEnd());
      rest = rest.slice(cut).trimStart();
    }
    current = rest;
  }
  flush();
  return pieces;
}

/** Where to cut a line longer than the limit: the last space that fits, never inside a surrogate pair. */
function cutPoint(line: string, limit: number): number {
  const space = line.lastIndexOf(" ", limit);
  if (space > limit / 2) return space;
  const code = line.charCodeAt(limit - 1);
  // A high surrogate as the last unit would split an emoji in two.
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}
