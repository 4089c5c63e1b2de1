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

describe("dossier lists written in a table, in a sentence after who sends them, or under a heading", () => {
  const lists = (lines: string[]) =>
    extractPlan(
      [
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH YÊN BÁI",
        "HƯỚNG DẪN",
        "Hội thi giáo viên năm học 2025-2026",
        ...lines,
      ].join("\n\n"),
      { calendar },
    ).requirements.map((r) => [r.name, r.items]);

  it("reads a table of papers under '… gồm các thành phần sau:', named by the heading above", () => {
    expect(
      lists([
        "2. Hồ sơ dự thi",
        "Mỗi thí sinh nộp 01 bộ, gồm các thành phần sau:",
        "| TT | Thành phần | Số lượng | Ghi chú |\n|---|---|---|---|\n| 1 | Đơn đăng ký dự thi | 01 bản | Có xác nhận của nhà trường |\n| 2 | Bài thu hoạch | 02 bản | Không ghi tên |",
        "3. Tổ chức thực hiện",
      ]),
    ).toEqual([
      [
        "Hồ sơ dự thi",
        ["Đơn đăng ký dự thi: 01 bản, có xác nhận của nhà trường", "Bài thu hoạch: 02 bản, không ghi tên"],
      ],
    ]);
  });

  it("names a list whose lead only says how it is sent by the heading above", () => {
    expect(
      lists([
        "3. Hồ sơ báo cáo sơ kết của trường",
        "Hồ sơ tải lên phần mềm dưới dạng file PDF, gồm:",
        "+ Báo cáo sơ kết học kỳ I;",
        "+ Bảng tự đánh giá tiêu chí thi đua.",
        "4. Tổ chức thực hiện",
      ]),
    ).toEqual([
      ["Hồ sơ báo cáo sơ kết của trường", ["Báo cáo sơ kết học kỳ I", "Bảng tự đánh giá tiêu chí thi đua"]],
    ]);
  });

  it("reads the papers of a sentence that first says who sends the dossier where", () => {
    expect(
      lists([
        "Sau buổi họp, Khối trưởng gửi về Phòng hồ sơ tổng kết của khối gồm biên bản họp khối, bảng tổng hợp điểm và tờ trình đề nghị khen thưởng; bản scan gửi qua e-mail.",
      ]),
    ).toEqual([
      [
        "Hồ sơ tổng kết của khối",
        ["biên bản họp khối", "bảng tổng hợp điểm", "tờ trình đề nghị khen thưởng"],
      ],
    ]);
  });

  it("names a sentence's papers by the title before its colon", () => {
    expect(
      lists([
        "2. Hồ sơ đề nghị Giấy khen của Hiệu trưởng: mỗi tổ nộp 01 bộ hồ sơ gồm báo cáo thành tích của tổ, biên bản họp tổ và danh sách đề nghị; riêng tổ văn phòng nộp thêm bảng chấm công.",
      ]),
    ).toEqual([
      [
        "Hồ sơ đề nghị Giấy khen của Hiệu trưởng",
        ["báo cáo thành tích của tổ", "biên bản họp tổ", "danh sách đề nghị"],
      ],
    ]);
  });

  it("does not take points on where paper copies go and what is refused for papers", () => {
    expect(
      lists([
        "4. Hồ sơ bản giấy",
        "- Nộp trực tiếp tại phòng Văn thư, tầng 2, trong giờ hành chính;",
        "- Không nhận hồ sơ gửi qua tin nhắn.",
        "5. Tổ chức thực hiện",
      ]),
    ).toEqual([]);
  });
});

describe("dossier lists numbered within their part, per award with sets, in Roman numerals, or sent 'kèm theo'", () => {
  const lists = (lines: string[]) =>
    extractPlan(
      ["SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH LẠNG GIANG", "KẾ HOẠCH", "Thi đua năm học 2025-2026", ...lines].join(
        "\n\n",
      ),
      {
        calendar,
      },
    ).requirements.map((r) => [r.name, r.items, r.copies ?? null]);

  it("reads items numbered 1.1., 1.2. under '1. Hồ sơ … (01 bản điện tử gửi qua …), gồm:'", () => {
    expect(
      lists([
        "1. Hồ sơ đăng ký danh hiệu (01 bản điện tử gửi qua hệ thống), gồm:",
        "1.1. Công văn đăng ký của đơn vị;",
        "1.2. Bảng đăng ký danh hiệu của cá nhân (Mẫu 01).",
        "2. Tổ chức thực hiện",
      ]),
    ).toEqual([
      [
        "Hồ sơ đăng ký danh hiệu",
        ["Công văn đăng ký của đơn vị", "Bảng đăng ký danh hiệu của cá nhân (Mẫu 01)"],
        "01 bản điện tử gửi qua hệ thống",
      ],
    ]);
  });

  it("reads '3.1. Bằng khen …: 02 (hai) bộ, mỗi bộ gồm:' as that award's dossier with its sets", () => {
    expect(
      lists([
        "3. Hồ sơ đề nghị khen thưởng cấp tỉnh",
        "3.1. Bằng khen của Chủ tịch UBND tỉnh: 02 (hai) bộ, mỗi bộ gồm:",
        "a) Tờ trình đề nghị của đơn vị;",
        "b) Báo cáo thành tích của cá nhân.",
        "3.2. Danh hiệu Chiến sĩ thi đua cấp tỉnh: 03 (ba) bộ, mỗi bộ gồm:",
        "+ Tờ trình đề nghị;",
        "+ Biên bản kiểm phiếu.",
        "4. Tổ chức thực hiện",
      ]),
    ).toEqual([
      [
        "Hồ sơ đề nghị Bằng khen của Chủ tịch UBND tỉnh",
        ["Tờ trình đề nghị của đơn vị", "Báo cáo thành tích của cá nhân"],
        "02 (hai) bộ",
      ],
      [
        "Hồ sơ đề nghị danh hiệu Chiến sĩ thi đua cấp tỉnh",
        ["Tờ trình đề nghị", "Biên bản kiểm phiếu"],
        "03 (ba) bộ",
      ],
    ]);
  });

  it("reads items numbered i), ii), iii)", () => {
    expect(
      lists([
        "Hồ sơ sơ kết của trường gồm:",
        "i) Báo cáo sơ kết;",
        "ii) Bảng tự chấm điểm;",
        "iii) Biên bản họp.",
        "2. Tổ chức thực hiện",
      ]),
    ).toEqual([["Hồ sơ sơ kết của trường", ["Báo cáo sơ kết", "Bảng tự chấm điểm", "Biên bản họp"], null]]);
  });

  it("names a row 'Hồ sơ của …' of a two-column table by the heading above it", () => {
    expect(
      lists([
        "2.3. Hồ sơ dự thi",
        "Hồ sơ\tThành phần\nHồ sơ của nhà trường\tTờ trình cử giáo viên; Danh sách giáo viên dự thi\nHồ sơ của giáo viên\tPhiếu đăng ký; Bản sao quyết định công nhận",
      ]).map(([name]) => name),
    ).toEqual(["Hồ sơ dự thi – Hồ sơ của nhà trường", "Hồ sơ dự thi – Hồ sơ của giáo viên"]);
  });

  it("reads the paper a sentence sends under a dossier's heading and those 'kèm theo' it", () => {
    expect(
      lists([
        "2.4. Hồ sơ sáng kiến (bản giấy)",
        "Giáo viên có tên trong danh sách gửi 02 bản in bản mô tả sáng kiến (không quá 10 trang) kèm theo Phiếu tự đánh giá (Mẫu 05) và Giấy xác nhận áp dụng của Hiệu trưởng.",
      ]),
    ).toEqual([
      [
        "Hồ sơ sáng kiến (bản giấy)",
        [
          "Bản mô tả sáng kiến (không quá 10 trang)",
          "Phiếu tự đánh giá (Mẫu 05)",
          "Giấy xác nhận áp dụng của Hiệu trưởng",
        ],
        "02 bản in",
      ],
    ]);
  });

  it("reads a sentence's papers after 'gồm:', without where it is sent in the name, and not what is refused", () => {
    expect(
      lists([
        "- Hồ sơ họp khối lần 1 gửi về Sở gồm: Biên bản họp khối, Quy chế hoạt động của khối và Bảng đăng ký chỉ tiêu.",
        "d) Sở không tiếp nhận: hồ sơ gửi qua Zalo; hồ sơ gửi sau thời hạn; bản scan không có chữ ký.",
      ]),
    ).toEqual([
      [
        "Hồ sơ họp khối lần 1",
        ["Biên bản họp khối", "Quy chế hoạt động của khối", "Bảng đăng ký chỉ tiêu"],
        null,
      ],
    ]);
  });
});

describe("the dossier a step hands in", () => {
  const plan = [
    "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN YÊN LẠC\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Số: 77/TB-PGDĐT\tYên Lạc, ngày 20 tháng 12 năm 2025",
    "THÔNG BÁO",
    "Sơ kết học kỳ I năm học 2025 - 2026",
    "II. NỘI DUNG",
    "1. Sơ kết học kỳ I",
    "1.1. Hồ sơ của cụm gồm:",
    "- Biên bản họp cụm;",
    "- Bảng tổng hợp điểm chấm chéo.",
    "1.2. Trường có thay đổi đăng ký danh hiệu gửi văn bản điều chỉnh chậm nhất ngày 16/01/2026.",
    "III. TIẾN ĐỘ",
    "3. **Chậm nhất ngày 15/01/2026:** Trường cụm trưởng gửi hồ sơ của cụm (mục 1.1 Phần II) về e-mail của Phòng.",
    "4. Hồ sơ giấy gửi qua đường bưu điện (bưu phẩm bảo đảm hoặc chuyển phát nhanh) về: Bộ phận Văn thư, Phòng GDĐT huyện Yên Lạc, số 12 đường Lê Lợi.",
  ].join("\n\n");
  const x = extractPlan(plan, { calendar });

  it("links a step to the list of the numbered point it cites, and not a later point to the list above it", () => {
    expect(x.deadlines.map((d) => [d.due, d.requirement ?? null])).toEqual([
      ["2026-01-16", null],
      ["2026-01-15", "Hồ sơ của cụm"],
    ]);
  });

  it("reads a postal address after a long remark on how it is posted", () => {
    expect(x.channels.find((c) => c.kind === "post")?.address).toBe(
      "Bộ phận Văn thư, Phòng GDĐT huyện Yên Lạc, số 12 đường Lê Lợi",
    );
  });
});

describe("a list that opens the second sentence of a paragraph", () => {
  const lists = (paragraph: string) =>
    extractPlan(
      [
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH NAM LÂM",
        "HƯỚNG DẪN",
        "Đăng ký thi đua năm học 2025-2026",
        "1. Đăng ký thi đua",
        paragraph,
        "2. Tổ chức thực hiện",
      ].join("\n\n"),
      { calendar },
    ).requirements.map((r) => [r.name, r.items]);

  it("reads the papers after 'gồm:' a semicolon apart, each with its copies", () => {
    expect(
      lists(
        "Các trường tổ chức cho giáo viên đăng ký danh hiệu năm học 2025 - 2026. Hồ sơ đăng ký gồm: tờ trình của trường (01 bản); phiếu đăng ký theo Mẫu 01 (01 bản); bảng tổng hợp đăng ký (file Excel).",
      ),
    ).toEqual([
      [
        "Hồ sơ đăng ký",
        [
          "tờ trình của trường (01 bản)",
          "phiếu đăng ký theo Mẫu 01 (01 bản)",
          "bảng tổng hợp đăng ký (file Excel)",
        ],
      ],
    ]);
  });

  it("ends a list without a colon at the semicolon that turns to how it is sent", () => {
    expect(
      lists(
        "Cuối học kỳ, khối trưởng gửi về Phòng hồ sơ của khối gồm biên bản họp khối và bảng xếp loại các trường; bản scan gửi qua e-mail, riêng biên bản gửi thêm bản giấy.",
      ),
    ).toEqual([["Hồ sơ của khối", ["biên bản họp khối", "bảng xếp loại các trường"]]]);
  });
});

describe("a list's name without who makes it and how it goes", () => {
  it("cuts 'do … lập, nộp …' from the lead's name", () => {
    const names = extractPlan(
      [
        "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN BA LÂM",
        "HƯỚNG DẪN",
        "Khen thưởng năm học 2025-2026",
        '2. Hồ sơ đề nghị danh hiệu "Tập thể lao động xuất sắc" do cụm trưởng lập, nộp 02 bộ tại Phòng GDĐT trước ngày 20/5/2026, gồm:',
        "a) Tờ trình của cụm trưởng;",
        "b) Biên bản họp cụm;",
        "c) Báo cáo thành tích của tập thể.",
        "3. Tổ chức thực hiện",
      ].join("\n\n"),
      { calendar },
    ).requirements.map((r) => r.name);
    expect(names).toEqual(['Hồ sơ đề nghị danh hiệu "Tập thể lao động xuất sắc"']);
  });
});

describe("leads with their copies after a dash, whose dossier it is, and sets of papers in a sentence", () => {
  const lists = extractPlan(
    [
      "TRƯỜNG TIỂU HỌC HOA LƯ",
      "KẾ HOẠCH",
      "Thi đua năm học 2026-2027",
      "VI. HỒ SƠ",
      "**1. Hồ sơ đề nghị danh hiệu Chiến sĩ thi đua cơ sở:** giáo viên nộp 02 bộ, mỗi bộ gồm báo cáo thành tích theo Mẫu 2, báo cáo sáng kiến và bản sao minh chứng (giấy khen, giấy chứng nhận, quyết định công nhận).",
      "**2. Hồ sơ đề nghị Tập thể lao động tiên tiến (đối với tổ)** — 01 bộ, do tổ trưởng nộp:",
      "a) Báo cáo thành tích của tổ;",
      "b) Biên bản họp tổ.",
      "**3. Hồ sơ nhà trường gửi Phòng Văn hóa - Xã hội** (văn thư chuẩn bị):",
      "1. Tờ trình của nhà trường;",
      "2. Danh sách trích ngang.",
      "VII. TỔ CHỨC THỰC HIỆN",
    ].join("\n\n"),
    { calendar },
  ).requirements.map((r) => [r.name, r.items.length, r.copies ?? null]);

  it("reads each list with its name and copies", () => {
    expect(lists).toEqual([
      ["Hồ sơ đề nghị danh hiệu Chiến sĩ thi đua cơ sở", 3, "02 bộ"],
      ["Hồ sơ đề nghị Tập thể lao động tiên tiến", 2, "01 bộ, do tổ trưởng nộp"],
      ["Hồ sơ nhà trường gửi Phòng Văn hóa - Xã hội", 2, null],
    ]);
  });
});

describe("a heading that names a dossier over its papers, and a lead that names none", () => {
  const lists = extractPlan(
    [
      "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH NAM LÂM",
      "KẾ HOẠCH",
      "Biểu dương điển hình năm học 2026-2027",
      "4. Hồ sơ đề nghị tặng Bằng khen của Bộ trưởng",
      "Đối tượng: tập thể, cá nhân được chọn biểu dương.",
      "Hồ sơ đề nghị gồm: Tờ trình của đơn vị (01 bản); Biên bản họp Hội đồng (01 bản); Báo cáo thành tích (02 bản).",
      "5.1. Hồ sơ điển hình là tập thể",
      "a) Phiếu giới thiệu điển hình (Mẫu 01): 02 bản.",
      "b) Báo cáo thành tích của tập thể, không quá 05 trang.",
      "c) Video giới thiệu tập thể dài 03 đến 05 phút.",
      "5.2. Thời hạn gửi hồ sơ",
      "Các đơn vị gửi hồ sơ trong tháng 6/2027.",
    ].join("\n\n"),
    { calendar },
  ).requirements.map((r) => [r.name, r.items.length]);

  it("names each list by its heading", () => {
    expect(lists).toEqual([
      ["Hồ sơ đề nghị tặng Bằng khen của Bộ trưởng", 3],
      ["Hồ sơ điển hình là tập thể", 3],
    ]);
  });
});
