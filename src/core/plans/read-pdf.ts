import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { layoutPdfText } from "./pdf-layout.js";
import type { PdfPage, PdfTextItem } from "./pdf-lines.js";

/** Why a PDF could not be read as a plan. */
export type PdfRefusal = "encrypted" | "no_text" | "unreadable";

/** A PDF that cannot give plan text, with the reason the caller turns into a message. */
export class PdfReadError extends Error {
  constructor(
    readonly reason: PdfRefusal,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "PdfReadError";
  }
}

// pdfjs reads the character maps and the 14 standard fonts' metrics from its own package when a PDF uses
// them without embedding; on Node its factories take plain directory paths.
function assetDirs(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
  return { cMapUrl: `${join(root, "cmaps")}/`, standardFontDataUrl: `${join(root, "standard_fonts")}/` };
}

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

async function pageItems(page: PDFPageProxy, number: number): Promise<PdfPage> {
  const [, , , top] = page.view;
  const content = await page.getTextContent();
  const items: PdfTextItem[] = [];
  for (const item of content.items) {
    if (!("str" in item) || !item.str.trim()) continue;
    const [a, b, c, d, e, f]: number[] = item.transform;
    // Rotated or skewed text is a watermark or a margin note, not a line of the plan.
    if (Math.abs(b ?? 0) > 1e-3 || Math.abs(c ?? 0) > 1e-3 || (a ?? 0) <= 0 || (d ?? 0) <= 0) continue;
    items.push({
      text: item.str,
      x: e ?? 0,
      y: (top ?? 0) - (f ?? 0),
      width: item.width,
      size: Math.max(item.height, d ?? 0),
    });
  }
  return { number, items };
}

/**
 * Reads a PDF's text layer into the text shape of the sample exports: lines rebuilt from positions,
 * paragraphs joined, tables as tab-separated rows, running headers, footers and signature stamps dropped.
 */
export async function pdfToPlanText(bytes: Uint8Array): Promise<string> {
  // Loaded on first use, like mammoth and exceljs: a start that reads no PDF does not pay for it. On Node
  // pdfjs runs its worker code on the main thread (a "fake worker") and needs no canvas for text.
  const pdfjs: PdfJs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = pdfjs.getDocument({
    // pdfjs transfers the buffer it is given; a copy leaves the caller's bytes (hashed later) intact.
    data: bytes.slice(),
    ...assetDirs(),
    isEvalSupported: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  let document: Awaited<typeof task.promise>;
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy();
    // pdfjs rejects with a PasswordException (not in its typings) when a user password is needed.
    if (error instanceof Error && error.name === "PasswordException") {
      throw new PdfReadError("encrypted", "the PDF is protected by a password", { cause: error });
    }
    throw new PdfReadError("unreadable", "not a PDF pdfjs can read", { cause: error });
  }
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= document.numPages; n++) pages.push(await pageItems(await document.getPage(n), n));
    if (pages.every((p) => p.items.length === 0)) {
      throw new PdfReadError("no_text", "the PDF has no text layer (a scan or pictures of pages)");
    }
    return layoutPdfText(pages);
  } finally {
    await document.destroy();
  }
}
