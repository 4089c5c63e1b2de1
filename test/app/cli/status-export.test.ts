import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { formulaSafe } from "../../../src/app/cli/formula-safe.js";
import { statusFile } from "../../../src/app/cli/status-export.js";
import { createTranslator } from "../../../src/bot/index.js";
import type { SubmissionMatrix } from "../../../src/core/index.js";

const t = createTranslator()("vi");
const hyperlink = '=HYPERLINK("http://x","y")';
const matrix: SubmissionMatrix = {
  tasks: [{ id: 1, text: "-Nộp hồ sơ thi đua", dueOn: "2023-10-27" }],
  units: [
    { code: "A", name: hyperlink, group: "@Khối 1", statuses: ["da_nop"] },
    { code: "B", name: "+84 123", group: null, statuses: ["chua_nop"] },
    { code: "C", name: "-Trường", group: null, statuses: [null] },
    {
      code: "D",
      name: "Trường Tiểu học Kết Đoàn",
      group: "Khối thi đua tiểu học 2",
      statuses: ["da_tiep_nhan"],
    },
  ],
};
/** What each unit's name and group must read as in either file. */
const safe = [
  ["A", `'${hyperlink}`, "'@Khối 1"],
  ["B", "'+84 123", ""],
  ["C", "'-Trường", ""],
  ["D", "Trường Tiểu học Kết Đoàn", "Khối thi đua tiểu học 2"],
];

describe("text that would start a formula", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+84 123", "'+84 123"],
    ["-Trường", "'-Trường"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", "'\r=1"],
    ["Trường A - B", "Trường A - B"],
    ["0912 345 678", "0912 345 678"],
    ["", ""],
  ])("%j → %j", (text, written) => {
    expect(formulaSafe(text)).toBe(written);
  });
});

describe("the status export, safe to open", () => {
  it("writes every such cell of the .xlsx as a string with a leading quote, never as a formula", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await statusFile(t, matrix, "xlsx")) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const cells: ExcelJS.Cell[] = [];
    sheet?.eachRow((row) => {
      row.eachCell((cell) => {
        cells.push(cell);
      });
    });
    expect(cells).toHaveLength(20);
    for (const cell of cells) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
    }
    const rows = [2, 3, 4, 5].map((n) => [1, 2, 3].map((c) => sheet?.getRow(n).getCell(c).text ?? ""));
    expect(rows).toEqual(safe);
    expect(sheet?.getRow(1).getCell(4).text).toBe("'-Nộp hồ sơ thi đua (27/10/2023)");
  });

  it("writes them in the .csv with a leading quote, after the byte-order mark", async () => {
    const bytes = await statusFile(t, matrix, "csv");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).trim().split("\n");
    expect(lines[0]).toBe("Mã,Đơn vị,Khối/cụm,'-Nộp hồ sơ thi đua (27/10/2023)");
    expect(lines.slice(1)).toEqual([
      `A,"'=HYPERLINK(""http://x"",""y"")",'@Khối 1,"Đã nộp, chờ tiếp nhận"`,
      "B,'+84 123,,Chưa nộp",
      "C,'-Trường,,—",
      "D,Trường Tiểu học Kết Đoàn,Khối thi đua tiểu học 2,Đã tiếp nhận",
    ]);
    // Read back as a spreadsheet reads it, every cell is the quoted text.
    const workbook = new ExcelJS.Workbook();
    const sheet = await workbook.csv.read(Readable.from([bytes.toString("utf8").slice(1)]), {
      map: (value: string) => value,
    });
    const names = [2, 3, 4, 5].map((n) => [1, 2, 3].map((c) => sheet.getRow(n).getCell(c).text));
    expect(names).toEqual(safe);
  });
});
