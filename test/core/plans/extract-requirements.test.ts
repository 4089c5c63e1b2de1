import { describe, expect, it } from "vitest";
import { createSchoolCalendar, extractPlan } from "../../../src/core/index.js";

const calendar = createSchoolCalendar();
const itemsOf = (text: string) => extractPlan(text, { calendar }).requirements.map((r) => r.items);

// A small plan around one dossier list, its items written the way the test gives them.
const plan = (list: string[], after = "3. Tổ chức thực hiện") =>
  [
    "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN AN LÃO",
    "KẾ HOẠCH",
    "Tổng kết công tác thi đua, khen thưởng năm học 2024-2025",
    "2. Hồ sơ đề nghị khen thưởng",
    "Các trường nộp hồ sơ về Phòng GDĐT (bộ phận thi đua), gồm:",
    ...list,
    after,
    "Các trường thực hiện đúng thời gian quy định.",
  ].join("\n\n");

describe("dossier items however the list is numbered", () => {
  it("reads items numbered 1. 2. 3. as Word's automatic numbering leaves them", () => {
    const items = itemsOf(
      plan([
        "1. Tờ trình đề nghị khen thưởng;",
        "2. Biên bản họp Hội đồng thi đua;",
        "3. Báo cáo thành tích.",
      ]),
    );
    expect(items).toEqual([
      ["Tờ trình đề nghị khen thưởng", "Biên bản họp Hội đồng thi đua", "Báo cáo thành tích"],
    ]);
  });

  it("reads items lettered a) b) c), with or without đ", () => {
    const items = itemsOf(
      plan([
        "a) Tờ trình;",
        "b) Biên bản họp;",
        "c) Danh sách trích ngang;",
        "d) Báo cáo thành tích;",
        "e) Bản sao quyết định.",
      ]),
    );
    expect(items[0]).toHaveLength(5);
    expect(items[0]?.[4]).toBe("Bản sao quyết định");
  });

  it("stops at the next section even when it is numbered like the items", () => {
    const items = itemsOf(plan(["1. Tờ trình;", "2. Biên bản họp."], "4. Kinh phí khen thưởng"));
    expect(items).toEqual([["Tờ trình", "Biên bản họp"]]);
    // Bullets followed by a numbered section: the section is not an item.
    expect(itemsOf(plan(["- Tờ trình;", "- Biên bản họp."], "3. Tổ chức thực hiện"))).toEqual([
      ["Tờ trình", "Biên bản họp"],
    ]);
  });

  it("does not read a numbered paragraph after a mere heading as a dossier item", () => {
    const text = [
      "KẾ HOẠCH",
      "Hồ sơ thi đua khối",
      "1. Mục đích của việc sinh hoạt khối.",
      "2. Yêu cầu chung.",
    ].join("\n\n");
    expect(itemsOf(text)).toEqual([]);
  });
});
