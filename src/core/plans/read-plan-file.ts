import { createHash } from "node:crypto";
import { extname } from "node:path";
import { ErrorCode, ThiduaError } from "../errors.js";
import { docxToPlanText } from "./read-docx.js";

export interface PlanFileText {
  text: string;
  format: "txt" | "md" | "docx";
  sha256: string;
}

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

/** Checks a plan file's type by name and content and returns its text (NFC, LF line ends) and hash. */
export async function readPlanFile(input: { name: string; bytes: Uint8Array }): Promise<PlanFileText> {
  const { name, bytes } = input;
  const ext = extname(name).toLowerCase().slice(1);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const isZip = zipMagic.every((b, i) => bytes[i] === b);
  let text: string;
  let format: PlanFileText["format"];
  if (ext === "docx") {
    if (!isZip) refuse(name, "plan_file_type", "a .docx must be a ZIP (Office Open XML) file");
    try {
      text = await docxToPlanText(bytes);
    } catch (error) {
      refuse(name, "plan_file_type", "not a Word document mammoth can read", error);
    }
    format = "docx";
  } else if (ext === "txt" || ext === "md" || ext === "markdown") {
    if (isZip || bytes.includes(0)) refuse(name, "plan_file_type", "binary content in a text file");
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch (error) {
      refuse(name, "plan_file_type", "text that is not UTF-8", error);
    }
    text = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
    format = ext === "txt" ? "txt" : "md";
  } else {
    refuse(name, "plan_file_type", `.${ext || "(none)"} is not a plan format (.docx, .txt, .md)`);
  }
  text = text.normalize("NFC");
  if (!text.trim()) refuse(name, "plan_file_empty", "the file is empty");
  return { text, format, sha256 };
}
