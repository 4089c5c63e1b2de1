import { describe, expect, it } from "vitest";
import { dropRunningLines, type PdfLine } from "../../../src/core/plans/pdf-lines.js";

const line = (page: number, y: number, text: string, x0 = 60): PdfLine => ({
  page,
  y,
  size: 11,
  x0,
  x1: x0 + text.length * 5,
  segments: [{ text, x0, x1: x0 + text.length * 5 }],
});

// Three pages of body text; `foot` gives each page's last line.
const body = ["Các đơn vị gửi hồ sơ đúng hạn.", "Phòng tổng hợp danh sách.", "Hội đồng họp xét duyệt."];
const pages = (foot: (page: number) => string | null) =>
  [1, 2, 3].map((page) => {
    // Body lines differ from page to page, as a plan's do.
    const lines = [0, 1, 2, 3].map((n) => line(page, 80 + n * 120, `${body[(page + n) % 3]} (${page}.${n})`));
    const last = foot(page);
    if (last !== null) lines.push(line(page, 780, last, 500));
    return lines;
  });
const texts = (result: PdfLine[][]) => result.map((p) => p.map((l) => l.segments[0]?.text));

describe("running lines of a PDF's pages", () => {
  it("drops the page numbers, which follow the pages' count", () => {
    const kept = texts(dropRunningLines(pages((page) => String(page + 1))));
    for (const page of kept) expect(page).toHaveLength(4);
  });

  it("keeps a bare number at a page's foot that does not count the pages, such as a year ending a cell", () => {
    const kept = texts(dropRunningLines(pages((page) => (page === 2 ? "2023" : null))));
    expect(kept[1]).toContain("2023");
  });

  it("keeps a year even where the other pages' feet hold page numbers", () => {
    const kept = texts(dropRunningLines(pages((page) => (page === 2 ? "2023" : String(page)))));
    expect(kept[1]).toContain("2023");
    expect(kept[0]).not.toContain("1");
    expect(kept[2]).not.toContain("3");
  });
});
