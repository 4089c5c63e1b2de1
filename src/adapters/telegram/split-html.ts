// Telegram refuses a message over 4096 characters, and refuses the whole message when its HTML does
// not parse. So a long text is cut between lines, and a line too long for one message is cut
// between whole tags, entities and code points, with open tags closed and opened again across the cut.

const token = /<\/?[a-z]+>|&(?:[a-z]+|#\d+|#x[0-9a-f]+);|[\s\S]/giu;

function tagName(tag: string): string {
  return tag.replace(/[</>]/g, "");
}

function closers(open: string[]): string {
  return open
    .slice()
    .reverse()
    .map((name) => `</${name}>`)
    .join("");
}

/** Cuts one line of HTML into pieces of at most `limit` characters, each with balanced tags. */
function cutLine(line: string, limit: number): string[] {
  const pieces: string[] = [];
  const open: string[] = [];
  let piece = "";
  for (const t of line.match(token) ?? []) {
    const after = t.startsWith("</") ? open.slice(0, -1) : t.startsWith("<") ? [...open, tagName(t)] : open;
    if (piece.length + t.length + closers(after).length > limit && piece.length > 0) {
      pieces.push(piece + closers(open));
      piece = open.map((name) => `<${name}>`).join("");
    }
    piece += t;
    open.splice(0, open.length, ...after);
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** Splits HTML text into messages of at most `limit` characters, on line boundaries where it can. */
export function splitHtml(html: string, limit: number): string[] {
  const messages: string[] = [];
  let current: string[] = [];
  let length = 0;
  const flush = () => {
    const text = current.join("\n").trim();
    if (text) messages.push(text);
    current = [];
    length = 0;
  };
  for (const line of html.split("\n")) {
    const pieces = line.length > limit ? cutLine(line, limit) : [line];
    for (const piece of pieces) {
      const added = current.length ? piece.length + 1 : piece.length;
      if (length + added > limit) flush();
      length += current.length ? piece.length + 1 : piece.length;
      current.push(piece);
    }
  }
  flush();
  return messages;
}
