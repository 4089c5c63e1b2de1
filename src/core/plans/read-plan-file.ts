import { createHash } from "node:crypto";
import { extname } from "node:path";
import { ErrorCode, ThiduaError } from "../errors.js";
import { docxToPlanText } from "./read-docx.js";
import { PdfReadError, pdfToPlanText } from "./read-pdf.js";

/** A plan file's text in the shape of the sample exports, the format it came in and the hash of its bytes. */
export interface PlanFileText {
  text: string;
  format: "txt" | "md" | "docx" | "pdf";
  sha256: string;
}

const formats: Record<string, PlanFileText["format"]> = {
  docx: "docx",
  pdf: "pdf",
  txt: "txt",
  md: "md",
  markdown: "md",
};
const zipMagic = [0x50, 0x4b, 0x03, 0x04];
const pdfMagic = "%PDF-";
// Plans are a few hundred KB (a .docx with pictures a few MB); a 20 MB text took 38 s and 1.9 GB to
// extract, so anything bigger is refused before it is read.
const planFileLimitBytes = 20 * 1024 * 1024;
const megabytes = (bytes: number) => Math.ceil(bytes / (1024 * 1024));

function refuse(
  name: string,
  key:
    | "plan_file_type"
    | "plan_file_empty"
    | "plan_file_too_large"
    | "plan_pdf_no_text"
    | "plan_pdf_encrypted",
  why: string,
  more: { cause?: unknown; params?: Record<string, unknown> } = {},
): never {
  throw new ThiduaError(ErrorCode.InputInvalid, `${name}: ${why}`, {
    messageKey: `errors.${key}`,
    params: { name, ...more.params },
    cause: more.cause,
  });
}

function decodeText(name: string, bytes: Uint8Array, isZip: boolean): string {
  // UTF-8 allows NUL, but no plan text holds one; it marks a binary file (or UTF-16) under a text name.
  if (isZip || bytes.includes(0)) refuse(name, "plan_file_type", "binary content in a text file");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (error) {
    return refuse(name, "plan_file_type", "text that is not UTF-8", { cause: error });
  }
}

async function readDocx(name: string, bytes: Uint8Array, isZip: boolean): Promise<string> {
  if (!isZip) refuse(name, "plan_file_type", "a .docx must be a ZIP (Office Open XML) file");
  try {
    return await docxToPlanText(bytes);
  } catch (error) {
    return refuse(name, "plan_file_type", "not a Word document mammoth can read", { cause: error });
  }
}

async function readPdf(name: string, bytes: Uint8Array): Promise<string> {
  // The PDF standard lets the header start anywhere in the first 1024 bytes (some writers put junk first).
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  if (!head.includes(pdfMagic)) refuse(name, "plan_file_type", "a .pdf must start with %PDF-");
  try {
    return await pdfToPlanText(bytes);
  } catch (error) {
    if (!(error instanceof PdfReadError)) throw error;
    if (error.reason === "encrypted")
      return refuse(name, "plan_pdf_encrypted", error.message, { cause: error });
    if (error.reason === "no_text") return refuse(name, "plan_pdf_no_text", error.message, { cause: error });
    return refuse(name, "plan_file_type", error.message, { cause: error });
  }
}

/** Checks a plan file's type and size and returns its text (NFC, LF line ends) and hash. */
export async function readPlanFile(input: { name: string; bytes: Uint8Array }): Promise<PlanFileText> {
  const { name, bytes } = input;
  const ext = extname(name).toLowerCase().slice(1);
  const format = formats[ext];
  if (!format)
    refuse(name, "plan_file_type", `.${ext || "(none)"} is not a plan format (.docx, .pdf, .txt, .md)`);
  if (bytes.length === 0) refuse(name, "plan_file_empty", "the file is empty");
  if (bytes.length > planFileLimitBytes) {
    refuse(name, "plan_file_too_large", `${bytes.length} bytes, over the ${planFileLimitBytes} allowed`, {
      params: { size: megabytes(bytes.length), limit: megabytes(planFileLimitBytes) },
    });
  }
  const isZip = zipMagic.every((b, i) => bytes[i] === b);
  const raw =
    format === "docx"
      ? await readDocx(name, bytes, isZip)
      : format === "pdf"
        ? await readPdf(name, bytes)
        : decodeText(name, bytes, isZip);
  // TextDecoder drops one BOM; a file re-saved by a BOM-writing editor can carry a second.
  const text = raw
    .replace(/^\uFEFF+/, "")
    .replace(/\r\n?/g, "\n")
    .normalize("NFC");
  if (!text.trim()) refuse(name, "plan_file_empty", "the file holds only whitespace");
  return { text, format, sha256: createHash("sha256").update(bytes).digest("hex") };
}
