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

describe("dossier lists named by the part they stand in", () => {
  const read = (lines: string[]) =>
    extractPlan(["PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN AN LÃO", "CÔNG VĂN", ...lines].join("\n\n"), {
      calendar,
    }).requirements.map((r) => [r.name, r.items, r.copies]);

  it("ends a list written in one line with its sentence, the next one being its copies, and names it by its heading", () => {
    expect(
      read([
        "3. Hồ sơ đăng ký danh hiệu",
        "Hồ sơ gồm: Tờ trình đăng ký; Danh sách cá nhân đăng ký (mẫu 1); Bản mô tả sáng kiến (nếu có). Mỗi loại 02 bản, có chữ ký và đóng dấu.",
      ]),
    ).toEqual([
      [
        "Hồ sơ đăng ký danh hiệu",
        ["Tờ trình đăng ký", "Danh sách cá nhân đăng ký (mẫu 1)", "Bản mô tả sáng kiến (nếu có)"],
        "02 bản, có chữ ký và đóng dấu",
      ],
    ]);
  });

  it("names each list after the award its lead names before 'hồ sơ gồm:'", () => {
    expect(
      read([
        "2. Hồ sơ theo từng danh hiệu",
        "a) Danh hiệu Lao động tiên tiến, hồ sơ gồm:",
        "- Tờ trình;",
        "- Danh sách trích ngang.",
        "b) Giấy khen Hiệu trưởng, hồ sơ gồm:",
        "- Tờ trình;",
        "- Tóm tắt thành tích.",
        "3. Tổ chức thực hiện",
      ]).map(([name]) => name),
    ).toEqual(["Hồ sơ danh hiệu Lao động tiên tiến", "Hồ sơ giấy khen Hiệu trưởng"]);
  });

  it("keeps a name whose words go on after a comma", () => {
    expect(
      read([
        "2. Sáng kiến",
        "Hồ sơ đề nghị xét, công nhận sáng kiến gồm:",
        "- Đơn đề nghị;",
        "- Báo cáo mô tả sáng kiến.",
        "3. Tổ chức thực hiện",
      ]).map(([name]) => name),
    ).toEqual(["Hồ sơ đề nghị xét, công nhận sáng kiến"]);
  });

  it("reads 'các hồ sơ sau:' as a list's lead, named by the part above it", () => {
    expect(
      read([
        "2. Họp khối thi đua đầu năm",
        "Các khối họp trong tháng 10.",
        "Khối trưởng gửi về Phòng các hồ sơ sau:",
        "- Biên bản họp khối;",
        "- Bản ký kết giao ước thi đua.",
        "3. Tổng kết",
      ]),
    ).toEqual([
      ["Hồ sơ họp khối thi đua đầu năm", ["Biên bản họp khối", "Bản ký kết giao ước thi đua"], undefined],
    ]);
  });

  it("names a list by the award its part is headed with, not by who makes it up or the criteria before it", () => {
    expect(
      read([
        "1. Cờ thi đua của Bộ trưởng",
        "Mỗi cụm suy tôn 01 trường. Hồ sơ do trường cụm trưởng lập, gồm:",
        "a) Tờ trình của cụm trưởng;",
        "b) Biên bản họp cụm.",
        "2. Bằng khen của Bộ trưởng",
        "Xét tặng cho giáo viên có 02 năm liền hoàn thành xuất sắc nhiệm vụ. Hồ sơ gồm:",
        "a) Tờ trình của trường;",
        "b) Báo cáo thành tích.",
        "3. Tổ chức thực hiện",
      ]).map(([name]) => name),
    ).toEqual(["Hồ sơ cờ thi đua của Bộ trưởng", "Hồ sơ bằng khen của Bộ trưởng"]);
  });

  it("names a list by its heading when the lead only says how it is packed, and keeps each paper's copies beside it", () => {
    expect(
      read([
        "4. Hồ sơ đề nghị Giấy khen cuối năm",
        "Mỗi trường lập 01 bộ hồ sơ, để trong bìa ghi tên trường, gồm:",
        "1. Tờ trình của Hiệu trưởng: 01 bản chính.",
        "2. Danh sách đề nghị: 02 bản, kèm tệp Excel.",
        "5. Thời hạn nộp",
      ]),
    ).toEqual([
      [
        "Hồ sơ đề nghị Giấy khen cuối năm",
        ["Tờ trình của Hiệu trưởng (01 bản chính)", "Danh sách đề nghị (02 bản, kèm tệp Excel)"],
        undefined,
      ],
    ]);
  });
});
