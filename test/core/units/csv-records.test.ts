import { describe, expect, it } from "vitest";
import { parseCsv } from "../../../src/core/units/csv-records.js";

const cellsOf = (text: string) => parseCsv(text).records.map((r) => [r.line, r.cells]);

describe("CSV records", () => {
  it("reads quoted cells, doubled quotes and every line ending, numbering rows as a spreadsheet does", () => {
    expect(cellsOf('a,"b, c","say ""hi"""\r\n\r\n"two\nlines",x\ry\n')).toEqual([
      [1, ["a", "b, c", 'say "hi"']],
      [2, [""]],
      [3, ["two\nlines", "x"]],
      [4, ["y"]],
    ]);
    expect(parseCsv('a, "b" ,c').records[0]?.cells).toEqual(["a", "b", "c"]);
    expect(parseCsv("a,b").problems).toEqual([]);
  });

  it("notes a quote inside a cell or after a closing quote, once per cell, and keeps reading", () => {
    const { records, problems } = parseCsv('h\nA,Sở "A" B,x\nC,"D"E,y\nF,G,z\n');
    expect(problems).toEqual([
      { line: 2, cell: 2, reason: "stray_quote" },
      { line: 3, cell: 2, reason: "stray_quote" },
    ]);
    expect(records.map((r) => r.cells[0])).toEqual(["h", "A", "C", "F"]);
  });

  it("notes a quote never closed on the row where it opens", () => {
    const { problems } = parseCsv('h\nA,B\nC,"D,E\nF,G\n');
    expect(problems).toEqual([{ line: 3, cell: 2, reason: "unclosed_quote" }]);
  });
});
