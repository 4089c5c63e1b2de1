import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readPlanFile } from "../../../src/core/plans/read-plan-file.js";
import { planTextToDocx } from "../../support/build-docx.js";

const plansDir = new URL("../../../../shared/plans/", import.meta.url);
const samples = readdirSync(plansDir)
  .filter((f) => /^\d{3}_.*\.txt$/.test(f))
  .sort();
const encode = (text: string) => new TextEncoder().encode(text);
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

// A real ZIP (one stored file) that is not a Word document, as a renamed .xlsx or .zip would be.
function zipOf(name: string, content: string): Uint8Array {
  const data = Buffer.from(content);
  const file = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc32(data), 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(file.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc32(data), 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(file.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + file.length, 12);
  end.writeUInt32LE(local.length + file.length + data.length, 16);
  return new Uint8Array(Buffer.concat([local, file, data, central, file, end]));
}

describe("readPlanFile", () => {
  it("accepts .txt, .md and .docx whatever the case of the extension", async () => {
    const txt = await readPlanFile({ name: "kh.txt", bytes: encode("KẾ HOẠCH\n") });
    expect(txt).toMatchObject({ format: "txt", text: "KẾ HOẠCH\n" });
    expect(await readPlanFile({ name: "tin.md", bytes: encode("# Tin\n") })).toMatchObject({
      format: "md",
      text: "# Tin\n",
    });
    expect((await readPlanFile({ name: "KH.TXT", bytes: encode("x") })).format).toBe("txt");
    const docx = await readPlanFile({ name: "KH.DOCX", bytes: await planTextToDocx("KẾ HOẠCH\n\nNội dung") });
    expect(docx).toMatchObject({ format: "docx", text: "KẾ HOẠCH\n\nNội dung\n" });
  });

  it.each(samples)("reads %s as .txt unchanged and as .docx in the same shape", async (file) => {
    const bytes = new Uint8Array(readFileSync(new URL(file, plansDir)));
    const text = new TextDecoder().decode(bytes);
    expect((await readPlanFile({ name: file, bytes })).text).toBe(text);
    const docx = await readPlanFile({
      name: file.replace(/\.txt$/, ".docx"),
      bytes: await planTextToDocx(text),
    });
    // Word keeps no empty paragraphs, so only runs of blank lines may differ.
    const squeeze = (t: string) => t.replace(/\n{3,}/g, "\n\n").trim();
    expect(squeeze(docx.text)).toBe(squeeze(text));
  });

  it("hashes the raw bytes: hex SHA-256, the same for the same bytes", async () => {
    const abc = await readPlanFile({ name: "abc.txt", bytes: encode("abc") });
    expect(abc.sha256).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect((await readPlanFile({ name: "other-name.md", bytes: encode("abc") })).sha256).toBe(abc.sha256);
    const docxBytes = await planTextToDocx("KẾ HOẠCH");
    expect((await readPlanFile({ name: "kh.docx", bytes: docxBytes })).sha256).toBe(sha256(docxBytes));
    // Of the bytes as sent, before the BOM and CRLF are taken out of the text.
    const withBom = encode("\uFEFFabc\r\n");
    expect((await readPlanFile({ name: "bom.txt", bytes: withBom })).sha256).toBe(sha256(withBom));
  });

  it("strips a BOM, turns CRLF (and lone CR) into LF and composes Unicode (NFC)", async () => {
    const decomposed = "Ke\u0302\u0301 hoa\u0323ch";
    const file = await readPlanFile({ name: "a.txt", bytes: encode(`\uFEFF${decomposed}\r\nx\r\ny\rz\r\n`) });
    expect(file.text).toBe("Kế hoạch\nx\ny\nz\n");
    const md = await readPlanFile({ name: "a.md", bytes: encode("\uFEFF# Tin\r\n\r\nNội dung") });
    expect(md.text).toBe("# Tin\n\nNội dung");
  });

  it.each([
    ["plan.pdf", encode("%PDF-1.4\n1 0 obj")],
    ["plan.doc", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])],
    ["plan.xlsx", zipOf("xl/workbook.xml", "<workbook/>")],
    ["plan.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
    ["plan.jpg", new Uint8Array([0xff, 0xd8, 0xff, 0xe0])],
    ["plan.rtf", encode("{\\rtf1 Kế hoạch}")],
    ["plan", encode("no extension")],
    ["plan.txt.exe", encode("MZ")],
    ["binary.txt", new Uint8Array([0x4b, 0x00, 0x48])],
    ["utf16.txt", new Uint8Array([0xff, 0xfe, 0x4b, 0x00, 0x48, 0x00])],
    ["latin1.txt", new Uint8Array([0x4b, 0xe9, 0x20])],
    ["latin1.md", new Uint8Array([0x23, 0x20, 0xe9])],
    ["zip.txt", zipOf("word/document.xml", "<w:document/>")],
    ["fake.docx", encode("not a zip")],
    ["pdf.docx", encode("%PDF-1.4")],
    ["broken.docx", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0])],
    ["workbook.docx", zipOf("xl/workbook.xml", "<workbook/>")],
  ])("refuses %s as not a plan file", async (name, bytes) => {
    await expect(readPlanFile({ name, bytes })).rejects.toMatchObject({
      name: "ThiduaError",
      code: "input_invalid",
      messageKey: "errors.plan_file_type",
      params: { name },
    });
  });

  it.each([
    ["empty.txt", encode("")],
    ["blank.md", encode(" \n\t\n")],
    ["bom-only.txt", encode("\uFEFF\r\n  \r\n")],
    ["empty.docx", new Uint8Array()],
  ])("refuses %s as empty", async (name, bytes) => {
    await expect(readPlanFile({ name, bytes })).rejects.toMatchObject({
      code: "input_invalid",
      messageKey: "errors.plan_file_empty",
      params: { name },
    });
  });

  it("refuses a .docx with no text as empty", async () => {
    const name = "blank.docx";
    await expect(readPlanFile({ name, bytes: await planTextToDocx("\n\n") })).rejects.toMatchObject({
      messageKey: "errors.plan_file_empty",
      params: { name },
    });
  });
});
