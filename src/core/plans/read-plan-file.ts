import { createHash } from "node:crypto";
import { extname } from "node:path";
import { ErrorCode, ThiduaError } from "../errors.js";
import { docxToPlanText } from "./read-docx.js";

/** A plan file's text in the shape of the sample exports, the format it came in and the hash of its bytes. */
export interface PlanFileText {
  text: string;
  format: "txt" | "md" | "docx";
  sha256: string;
}

const formats: Record<string, PlanFileText["format"]> = {
  docx: "docx",
  txt: "txt",
  md: "md",
  markdown: "md",
};
const zipMagic = [0x50, 0x4b, 0x03, 0x04];

function refuse(
  name: string,
  key: "plan_file_type" | "plan_file_empty",
  why: string,
  cause?: unknown,
): never {
  throw new ThiduaError(ErrorCode.InputInvalid, `${name}: ${why}`, {
    messageKey: `errors.${key}`,
    params: { name },
    cause,
  });
}

function decodeText(name: string, bytes: Uint8Array, isZip: boolean): string {
  // UTF-8 allows NUL, but no plan text holds one; it marks a binary file (or UTF-16) under a text name.
  if (isZip || bytes.includes(0)) refuse(name, "plan_file_type", "binary content in a text file");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (error) {
    return refuse(name, "plan_file_type", "text that is not UTF-8", error);
  }
}

async function readDocx(name: string, bytes: Uint8Array, isZip: boolean): Promise<string> {
  if (!isZip) refuse(name, "plan_file_type", "a .docx must be a ZIP (Office Open XML) file");
  try {
    return await docxToPlanText(bytes);
  } catch (error) {
    return refuse(name, "plan_file_type", "not a Word document mammoth can read", error);
  }
}

/** Checks a plan file's type by name and content and returns its text (NFC, LF line ends) and hash. */
export async function readPlanFile(input: { name: string; bytes: Uint8Array }): Promise<PlanFileText> {
  const { name, bytes } = input;
  const ext = extname(name).toLowerCase().slice(1);
  const format = formats[ext];
  if (!format) refuse(name, "plan_file_type", `.${ext || "(none)"} is not a plan format (.docx, .txt, .md)`);
  if (bytes.length === 0) refuse(name, "plan_file_empty", "the file is empty");
  const isZip = zipMagic.every((b, i) => bytes[i] === b);
  const raw = format === "docx" ? await readDocx(name, bytes, isZip) : decodeText(name, bytes, isZip);
  // TextDecoder drops one BOM; a file re-saved by a BOM-writing editor can carry a second.
  const text = raw
    .replace(/^\uFEFF+/, "")
    .replace(/\r\n?/g, "\n")
    .normalize("NFC");
  if (!text.trim()) refuse(name, "plan_file_empty", "the file holds only whitespace");
  return { text, format, sha256: createHash("sha256").update(bytes).digest("hex") };
}
