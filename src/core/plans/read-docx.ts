import mammoth from "mammoth";

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decode(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X"))
      return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
    return entities[name.toLowerCase()] ?? whole;
  });
}

/**
 * Reads a .docx into the same text shape as the sample exports: one paragraph a line with a blank line
 * after it, a table row a line with its cells joined by tabs, bold as `**…**` and italics as `*…*`.
 */
export async function docxToPlanText(bytes: Uint8Array): Promise<string> {
  const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  const out: string[] = [];
  let text = "";
  let cells: string[] | null = null;
  let cell: string[] | null = null;
  let tableDepth = 0;

  const flushBlock = () => {
    const line = text.replace(/[ \t]+/g, " ").trim();
    text = "";
    if (cell) {
      if (line) cell.push(line);
    } else if (line) {
      out.push(line, "");
    }
  };

  for (const token of html.matchAll(/<(\/?)([a-z0-9]+)[^>]*>|([^<]+)/gi)) {
    const [, closing, rawTag, content] = token;
    if (content !== undefined) {
      text += decode(content);
      continue;
    }
    const tag = (rawTag ?? "").toLowerCase();
    const open = closing !== "/";
    switch (tag) {
      case "strong":
        text += "**";
        break;
      case "em":
        text += "*";
        break;
      case "br":
        text += " ";
        break;
      case "table":
        flushBlock();
        tableDepth += open ? 1 : -1;
        // A table is followed by a blank line like any paragraph, as in the exports.
        if (!open && tableDepth === 0) out.push("");
        break;
      case "tr":
        if (tableDepth !== 1) break;
        if (open) cells = [];
        else if (cells) {
          out.push(cells.join("\t"));
          cells = null;
        }
        break;
      case "td":
      case "th":
        if (tableDepth !== 1) break;
        if (open) cell = [];
        else if (cell) {
          flushBlock();
          cells?.push(cell.join(" "));
          cell = null;
        }
        break;
      case "p":
      case "li":
      case "h1":
      case "h2":
      case "h3":
      case "h4":
      case "h5":
      case "h6":
        if (!open) flushBlock();
        break;
      default:
        break;
    }
  }
  flushBlock();
  return out.join("\n").normalize("NFC");
}
