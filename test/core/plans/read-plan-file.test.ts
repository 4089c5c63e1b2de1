import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { docxToPlanText } from "../../../src/core/plans/read-docx.js";
import { readPlanFile } from "../../../src/core/plans/read-plan-file.js";
import { planTextToDocx } from "../../support/build-docx.js";

const plansDir = new URL("../../../../shared/plans/", import.meta.url);
const samples = readdirSync(plansDir).filter((f) => /^\d{3}_.*\.txt$/.test(f));
// Compare as the extractor reads: blank lines, runs of spaces and emphasis markers carry no meaning.
const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.replace(/\*+/g, "*").replace(/ +/g, " ").trim())
    .filter(Boolean);
const encode = (text: string) => new TextEncoder().encode(text);

describe("docxToPlanText", () => {
  it.each(samples)("reads a .docx of %s back to the same lines, cells and markup", async (file) => {
    const text = readFileSync(new URL(file, plansDir), "utf8");
    const back = await docxToPlanText(await planTextToDocx(text));
    expect(lines(back)).toEqual(lines(text));
  });

  it("keeps empty table cells between tabs", async () => {
    const back = await docxToPlanText(await planTextToDocx("TT\tNội dung\tThời gian\n2.\tViệc\t\n"));
    expect(back.split("\n")).toContain("2.\tViệc\t");
  });
});

describe("readPlanFile", () => {
  it("accepts .txt, .md and .docx, hashing the bytes", async () => {
    const txt = await readPlanFile({ name: "kh.txt", bytes: encode("KẾ HOẠCH\n") });
    expect(txt).toMatchObject({ format: "txt", text: "KẾ HOẠCH\n" });
    expect(txt.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await readPlanFile({ name: "kh.txt", bytes: encode("KẾ HOẠCH\n") })).sha256).toBe(txt.sha256);
    expect((await readPlanFile({ name: "tin.md", bytes: encode("# Tin\n") })).format).toBe("md");
    const docx = await readPlanFile({ name: "KH.DOCX", bytes: await planTextToDocx("KẾ HOẠCH\n\nNội dung") });
    expect(docx).toMatchObject({ format: "docx", text: "KẾ HOẠCH\n\nNội dung\n" });
  });

  it("strips a BOM, turns CRLF into LF and composes Unicode (NFC)", async () => {
    const decomposed = "Ke\u0302\u0301 hoa\u0323ch";
    const file = await readPlanFile({ name: "a.txt", bytes: encode(`\uFEFF${decomposed}\r\nx\r\n`) });
    expect(file.text).toBe("Kế hoạch\nx\n");
  });

  it.each([
    ["plan.pdf", encode("%PDF-1.4")],
    ["plan.doc", encode("old word")],
    ["plan.xlsx", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2])],
    ["plan.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47])],
    ["plan", encode("no extension")],
    ["binary.txt", new Uint8Array([0x4b, 0x00, 0x48])],
    ["latin1.txt", new Uint8Array([0x4b, 0xe9, 0x20])],
    ["zip.txt", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14])],
    ["fake.docx", encode("not a zip")],
    ["broken.docx", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0])],
  ])("refuses %s as not a plan file", async (name, bytes) => {
    await expect(readPlanFile({ name, bytes })).rejects.toMatchObject({
      code: "input_invalid",
      messageKey: "errors.plan_file_type",
      params: { name },
    });
  });

  it.each([
    ["empty.txt", encode("")],
    ["blank.md", encode(" \n\t\n")],
  ])("refuses %s as empty", async (name, bytes) => {
    await expect(readPlanFile({ name, bytes })).rejects.toMatchObject({
      messageKey: "errors.plan_file_empty",
    });
  });
});
