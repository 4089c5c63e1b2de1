import { describe, expect, it } from "vitest";
import { findDeadlines } from "../../../src/core/deadlines/find-deadlines.js";
import { createSchoolCalendar, extractPlan } from "../../../src/core/index.js";

// Shapes of công văn and short campaign plans: a dossier table with a row per award, cut-offs
// written as a refusal, dates given per level under one step, weekly schedule lines, officers and
// groups written in one closing paragraph.
const calendar = createSchoolCalendar();
const read = (lines: string[]) => extractPlan(lines.join("\n"), { calendar });
const header = [
  "UBND TỈNH HÒA BÌNH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  "SỞ GIÁO DỤC VÀ ĐÀO TẠO\tĐộc lập - Tự do - Hạnh phúc",
  "Số: 512/SGDĐT-TĐKT\tHòa Bình, ngày 03 tháng 4 năm 2026",
  "V/v hồ sơ khen thưởng tổng kết năm học 2025 – 2026",
  "",
];
const deadlines = (lines: string[]) =>
  read([...header, ...lines]).deadlines.map((d) => [d.task, d.responsible, d.kind, d.due]);

describe("a dossier table with a row per award", () => {
  it("reads each row's papers as the dossier proposing its award, from a cell that ran on over several lines or one split by semicolons, with its copies", () => {
    const x = read([
      ...header,
      "Thành phần hồ sơ như sau:",
      "",
      "STT\tDanh hiệu\tThành phần\tSố bộ",
      "1\tTập thể lao động xuất sắc\t- Tờ trình của đơn vị;",
      "- Biên bản bình xét - có chữ ký;",
      "- Báo cáo thành tích của tập thể\t02 bộ",
      "2\tGiấy khen của Giám đốc Sở\tTờ trình; Danh sách trích ngang; Báo cáo tóm tắt\t01 bộ",
      "",
      "Các đơn vị thực hiện nghiêm túc.",
    ]);
    expect(x.requirements.map((r) => [r.name, r.items, r.copies])).toEqual([
      [
        "Hồ sơ đề nghị Tập thể lao động xuất sắc",
        ["Tờ trình của đơn vị", "Biên bản bình xét - có chữ ký", "Báo cáo thành tích của tập thể"],
        "02 bộ",
      ],
      [
        "Hồ sơ đề nghị Giấy khen của Giám đốc Sở",
        ["Tờ trình", "Danh sách trích ngang", "Báo cáo tóm tắt"],
        "01 bộ",
      ],
    ]);
  });

  it("reads a line of copies per paper right under a list as that list's copies, and not one further down", () => {
    const x = read([
      ...header,
      "5. Hồ sơ đề nghị Bằng khen của Giám đốc Sở",
      "- Tờ trình của đơn vị;",
      "- Báo cáo thành tích có xác nhận của cấp trình;",
      "Mỗi loại 03 bản (02 bản gửi Sở, 01 bản lưu tại đơn vị).",
      "6. Hồ sơ đề nghị Giấy khen",
      "- Tờ trình;",
      "- Danh sách trích ngang.",
      "Các đơn vị gửi đúng hạn.",
      "Mỗi loại 02 bản.",
    ]);
    expect(x.requirements.map((r) => [r.name, r.copies])).toEqual([
      ["Hồ sơ đề nghị Bằng khen của Giám đốc Sở", "03 bản (02 bản gửi Sở, 01 bản lưu tại đơn vị)"],
      ["Hồ sơ đề nghị Giấy khen", undefined],
    ]);
  });

  it("does not join a letterhead row to the line under it", () => {
    const x = read([
      "UBND HUYỆN KIM BÔI\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Số: 77/PGDĐT\tKim Bôi, ngày 02 tháng 3 năm 2026",
      "Kính gửi: Các trường tiểu học.",
      "Phòng đề nghị các trường nộp báo cáo chậm nhất ngày 20/3/2026.",
    ]);
    expect(x.document.kind).toBe("CÔNG VĂN");
  });

  it("takes none of the plan's bold part headings for papers after a lead that ends 'như sau:'", () => {
    const x = read([
      ...header,
      "Sở hướng dẫn các đơn vị lập hồ sơ đề nghị khen thưởng như sau:",
      "",
      "**1. Đối tượng xét**",
      "",
      "Cá nhân hoàn thành xuất sắc nhiệm vụ.",
    ]);
    expect(x.requirements).toEqual([]);
  });

  it("reads papers lettered a), b) in one line without their letters, and the form in the list's name as its copies", () => {
    const x = read([
      ...header,
      "2.1. Hồ sơ đề nghị Giấy khen (bản scan có dấu đỏ) gồm: a) Tờ trình; b) Biên bản họp; c) Bảng tổng hợp thành tích.",
    ]);
    expect(x.requirements.map((r) => [r.name, r.items, r.copies])).toEqual([
      [
        "Hồ sơ đề nghị Giấy khen",
        ["Tờ trình", "Biên bản họp", "Bảng tổng hợp thành tích"],
        "bản scan có dấu đỏ",
      ],
    ]);
  });
});

describe("deadlines of a công văn", () => {
  it("reads a refusal after a day as the cut-off of what the paragraph asked first", () => {
    expect(
      findDeadlines("Phòng không tiếp nhận hồ sơ sau 17 giờ ngày 08/5/2026.", {
        calendar,
        calendarYear: 2026,
      }).map((h) => (h.result.ok ? [h.result.deadline.kind, h.result.deadline.due] : null)),
    ).toEqual([["by", "2026-05-08"]]);
    expect(
      deadlines([
        "- Bản chính hồ sơ các đơn vị gửi qua bưu điện về Văn phòng Sở; Sở không nhận hồ sơ sau ngày 15 tháng 5 năm 2026.",
      ]),
    ).toEqual([["Bản chính hồ sơ các đơn vị gửi qua bưu điện về Văn phòng Sở", null, "by", "2026-05-15"]]);
  });

  it("gives a duty to the units after 'Đối với' and, after a condition, to the subject that follows it", () => {
    expect(
      deadlines([
        "- Đối với các trường THPT và các trung tâm GDTX: gửi hồ sơ chậm nhất ngày 12/5/2026.",
        "- Đối với giáo viên có sáng kiến chưa được công nhận: đơn vị vẫn gửi hồ sơ trước ngày 20/5/2026.",
      ]).map(([task, responsible]) => [task, responsible]),
    ).toEqual([
      ["Gửi hồ sơ", "các trường THPT và các trung tâm GDTX"],
      ["Đối với giáo viên có sáng kiến chưa được công nhận: đơn vị vẫn gửi hồ sơ", "đơn vị"],
    ]);
  });

  it("takes the task of a 'Thời hạn gửi:' label from the paragraph's own sentence, and a subject stays in its sentence", () => {
    expect(
      deadlines([
        "Đơn vị có trên 40 viên chức được đề nghị thêm 01 cá nhân. Đơn vị không đề nghị phải có văn bản báo cáo.",
        "",
        "- Bản mềm: các trường gửi bản scan qua hộp thư của Sở. Mỗi trường gửi một thư. Thời hạn gửi: chậm nhất ngày 06/5/2026.",
      ]),
    ).toEqual([["Bản mềm: các trường gửi bản scan qua hộp thư của Sở", "các trường", "by", "2026-05-06"]]);
  });

  it("gives a clause without a subject its sentence's, and an event or another part's step none of the units named before", () => {
    expect(
      deadlines([
        "III. CỤM THI ĐUA",
        "Các cụm trưởng chủ trì họp cụm, tổ chức chấm chéo; gửi biên bản họp cụm về Phòng chậm nhất 22-5-2026.",
        "IV. TỔNG KẾT",
        "1. Hồ sơ khen thưởng nộp tại Văn thư, hạn cuối ngày 29/5/2026.",
        "2. Các trường gửi báo cáo tổng kết về Phòng trước ngày 05/6/2026.",
        "3. Biên bản chấm chéo nộp kèm báo cáo, chậm nhất ngày 06/6/2026.",
        "4. Hội nghị sơ kết dự kiến tổ chức trong tuần từ 08/6 đến 12/6/2026.",
      ]),
    ).toEqual([
      ["Gửi biên bản họp cụm về Phòng", "Các cụm trưởng", "by", "2026-05-22"],
      ["Hồ sơ khen thưởng nộp tại Văn thư", null, "by", "2026-05-29"],
      ["Các trường gửi báo cáo tổng kết về Phòng", "Các trường", "before", "2026-06-04"],
      ["Biên bản chấm chéo nộp kèm báo cáo", "Các trường", "by", "2026-06-06"],
      ["Hội nghị sơ kết dự kiến tổ chức trong tuần", null, "range", "2026-06-12"],
    ]);
  });

  it("keeps a step timed by an event, without a date, and not one after a condition", () => {
    expect(
      deadlines([
        "4. Sau Lễ tuyên dương, các trường nhận Giấy khen tại Văn thư Phòng và công bố tại đơn vị.",
        "5. Sau Tết Nguyên đán, Phòng GDĐT tổ chức chuyên đề; thời gian cụ thể thông báo sau.",
        "6. Sau khi họp xét, các trường gửi kết quả về Phòng.",
      ]),
    ).toEqual([
      [
        "Các trường nhận Giấy khen tại Văn thư Phòng và công bố tại đơn vị",
        "các trường",
        "unscheduled",
        null,
      ],
      ["Phòng GDĐT tổ chức chuyên đề", "Phòng GDĐT", "unscheduled", null],
    ]);
  });

  it("is not the span achievements are counted in", () => {
    expect(
      deadlines(["Thành tích được tính trong năm học 2025 – 2026 (từ ngày 01/9/2025 đến ngày 31/5/2026)."]),
    ).toEqual([]);
  });
});

describe("a schedule written as points", () => {
  it("gives each level's point under a step that step, for the schools of that level", () => {
    expect(
      deadlines([
        "- Nộp sản phẩm dự thi về Phòng GDĐT, cụ thể:",
        "+ Cấp mầm non: chậm nhất ngày 04/5/2026;",
        "+ Cấp tiểu học và THCS: chậm nhất ngày 06/5/2026.",
      ]),
    ).toEqual([
      ["Nộp sản phẩm dự thi về Phòng GDĐT (cấp mầm non)", "các trường mầm non", "by", "2026-05-04"],
      [
        "Nộp sản phẩm dự thi về Phòng GDĐT (cấp tiểu học và THCS)",
        "các trường tiểu học và THCS",
        "by",
        "2026-05-06",
      ],
    ]);
  });

  it("gives each level the date written after it in one sentence, and those levels are not who the next sentence speaks to", () => {
    const step = "Kế hoạch tự đánh giá gửi bản mềm qua hộp thư của Phòng, không nộp bản in";
    expect(
      deadlines([
        `${step}: mẫu giáo gửi trước ngày 10/4, các trường tiểu học trước 13/4, THCS trước 15/4/2026.`,
        "Hồ sơ đề nghị khen thưởng nộp tại Văn thư Phòng, hạn cuối ngày 24.4.2026.",
      ]),
    ).toEqual([
      [`${step} (các trường mẫu giáo)`, "các trường mẫu giáo", "before", "2026-04-09"],
      [`${step} (các trường tiểu học)`, "các trường tiểu học", "before", "2026-04-12"],
      [`${step} (các trường THCS)`, "các trường THCS", "before", "2026-04-14"],
      ["Hồ sơ đề nghị khen thưởng nộp tại Văn thư Phòng", null, "by", "2026-04-24"],
    ]);
  });

  it("reads a week with its days in parentheses once, a weekday after the date and a part of the day before it", () => {
    expect(
      deadlines([
        "- Tuần 2 tháng 4 (từ 06/4 đến 11/4/2026): Các trường tổ chức hội giảng.",
        "- Chậm nhất ngày 17/4/2026 (thứ Sáu): Các trường gửi kết quả về Sở.",
        "- Chiều thứ Ba, ngày 21/4/2026: Sở tổ chức tọa đàm.",
      ]),
    ).toEqual([
      ["Tuần 2 tháng 4: Các trường tổ chức hội giảng", "Các trường", "range", "2026-04-11"],
      ["Các trường gửi kết quả về Sở", "Các trường", "by", "2026-04-17"],
      ["Sở tổ chức tọa đàm", "Sở", "on", "2026-04-21"],
    ]);
  });
});

describe("a timeline table without a TT column", () => {
  it("ends a cell that ran on at the next full row, and reads a date per level written after each date", () => {
    const x = read([
      ...header,
      "Các đơn vị thực hiện theo lịch sau:",
      "",
      "Thời gian\tNội dung công việc\tĐơn vị thực hiện\tGhi chú",
      "Trước 20/4/2026\tGửi bản đăng ký thi đua\tCác trường THPT; Phòng GDĐT\tQua e-mail;",
      "- kèm file PDF",
      "Từ 04/5 đến 08/5/2026\tCác khối thi đua họp tổng kết\tĐơn vị khối trưởng\t",
      "Trước ngày 15/5/2026 (THPT); trước ngày 22/5/2026 (Phòng GDĐT)\tGửi hồ sơ khen thưởng\tTrường THPT, trung tâm GDTX; Phòng GDĐT\t",
      "",
      "Các đơn vị thực hiện nghiêm túc.",
    ]);
    expect(x.deadlines.map((d) => [d.kind, d.start, d.due, d.responsible])).toEqual([
      ["before", null, "2026-04-19", "Các trường THPT; Phòng GDĐT"],
      ["range", "2026-05-04", "2026-05-08", "Đơn vị khối trưởng"],
      ["before", null, "2026-05-14", "Trường THPT, trung tâm GDTX"],
      ["before", null, "2026-05-21", "Phòng GDĐT"],
    ]);
  });
});

describe("ways to send", () => {
  it("keeps the level of an address given on a level's point and the subject an e-mail must carry", () => {
    const x = read([
      ...header,
      "- Hồ sơ gửi bằng thư điện tử theo cấp học:",
      "+ Cấp THPT: thpt.tdkt@hoabinh.edu.vn",
      "+ Các trường GDTX: gdtx.tdkt@hoabinh.edu.vn",
      '- Tiêu đề thư ghi: "KT2026 - Tên đơn vị"; mỗi đơn vị gửi một thư.',
    ]);
    expect(x.channels.map((c) => [c.address, c.audience, c.subjectRule])).toEqual([
      ["thpt.tdkt@hoabinh.edu.vn", "Cấp THPT", "KT2026 - Tên đơn vị"],
      ["gdtx.tdkt@hoabinh.edu.vn", "Các trường GDTX", "KT2026 - Tên đơn vị"],
    ]);
    // The subject in quotes, without a colon before it.
    const quoted = read([
      ...header,
      "- Bản đăng ký gửi qua e-mail dangky@hoabinh.edu.vn; tiêu đề e-mail ghi “ĐK 2026 – Tên đơn vị”.",
    ]);
    expect(quoted.channels.map((c) => c.subjectRule)).toEqual(["ĐK 2026 – Tên đơn vị"]);
  });

  it("reads a level named bare before its address, and a file-name rule in the point after the list for every address", () => {
    const x = read([
      ...header,
      "2. Tệp scan gửi về hộp thư của cấp học:",
      "",
      "- Mầm non: mn.thiduat@hoabinh.edu.vn",
      "- Tiểu học: th.thiduat@hoabinh.edu.vn",
      "- THCS: thcs.thiduat@hoabinh.edu.vn",
      "",
      "3. Tên tệp đặt theo mẫu TenTruong_HoSo.pdf.",
    ]);
    expect(x.channels.map((c) => [c.address, c.audience, c.fileNamePattern])).toEqual([
      ["mn.thiduat@hoabinh.edu.vn", "Mầm non", "TenTruong_HoSo.pdf"],
      ["th.thiduat@hoabinh.edu.vn", "Tiểu học", "TenTruong_HoSo.pdf"],
      ["thcs.thiduat@hoabinh.edu.vn", "THCS", "TenTruong_HoSo.pdf"],
    ]);
  });
});

describe("officers listed one a line", () => {
  it("reads a duty after the title's colon and an extension as the phone, and their own e-mails are no channel", () => {
    const x = read([
      ...header,
      "- Bản giấy gửi qua bưu chính về Văn phòng Sở, địa chỉ: số 9 đường Trần Phú, phường Phương Lâm (phòng 105).",
      "Nếu có vướng mắc, các đơn vị liên hệ:",
      "- Ông Đỗ Văn Hào, Chánh Văn phòng: phụ trách chung; e-mail: dvhao@hoabinh.edu.vn; số máy lẻ 201.",
      "- Bà Lò Thị Mai, chuyên viên: tiếp nhận hồ sơ; theo dõi các trường THPT; e-mail: ltmai@hoabinh.edu.vn; số máy lẻ 204.",
    ]);
    expect(x.contacts.map((c) => [c.name, c.title, c.scope, c.phone])).toEqual([
      ["Đỗ Văn Hào", "Chánh Văn phòng", "phụ trách chung", "máy lẻ 201"],
      ["Lò Thị Mai", "chuyên viên", "tiếp nhận hồ sơ; theo dõi các trường THPT", "máy lẻ 204"],
    ]);
    expect(x.channels.map((c) => [c.kind, c.address])).toEqual([
      ["post", "Văn phòng Sở, địa chỉ: số 9 đường Trần Phú, phường Phương Lâm (phòng 105)"],
    ]);
  });
});

describe("people and groups written in one paragraph", () => {
  it("reads each officer after 'liên hệ Văn phòng Sở:', with a second phone and the duty in parentheses", () => {
    const x = read([
      ...header,
      "Nếu có vướng mắc, các đơn vị liên hệ Văn phòng Sở: ông Đinh Văn Quý, chuyên viên, điện thoại 0218.3852.111 hoặc 0912.444.555 (phụ trách các trường THPT); bà Bùi Thị Mến, chuyên viên, điện thoại 0977.222.333 (phụ trách các Phòng GDĐT) để được hướng dẫn./.",
    ]);
    expect(x.contacts.map((c) => [c.name, c.scope, c.phone])).toEqual([
      ["Đinh Văn Quý", "phụ trách các trường THPT", "0218.3852.111 hoặc 0912.444.555"],
      ["Bùi Thị Mến", "phụ trách các Phòng GDĐT", "0977.222.333"],
    ]);
  });

  it("reads groups written a sentence each, a leader in parentheses before the members or named after them, in the same sentence or the next", () => {
    const x = read([
      ...header,
      "Cụm thi đua số 1 gồm Phòng GDĐT các huyện Lạc Sơn, Yên Thủy, các trường THPT Lạc Sơn, THPT Yên Thủy, do Trường THPT Lạc Sơn làm Cụm trưởng. Cụm thi đua số 2 gồm Phòng GDĐT huyện Mai Châu và Trường THPT Mai Châu, Cụm trưởng là Phòng GDĐT huyện Mai Châu.",
      "",
      "- Cụm 3 (cụm trưởng: Trường THCS Kim Bôi): Trường Mầm non Kim Bôi, Trường THCS Kim Bôi.",
      "- Cụm 4: Trường TH Cao Phong, Trường TH Bắc Phong, Trường TH Thu Phong; cụm trưởng: Trường TH Bắc Phong.",
      "- Cụm số 5 (mầm non): Trường MN Hợp Thịnh, Mầm non Hợp Đồng. Cụm trưởng: Trường MN Hợp Đồng.",
      "- Cụm số 6: cụm trưởng Trường THPT Lương Sơn; thành viên gồm các trường THPT Nam Lương Sơn, THPT Cù Chính Lan.",
    ]);
    expect(x.groups.map((g) => [g.name, g.leader, g.members])).toEqual([
      [
        "Cụm thi đua số 1",
        "Trường THPT Lạc Sơn",
        [
          "Phòng GDĐT huyện Lạc Sơn",
          "Phòng GDĐT huyện Yên Thủy",
          "Trường THPT Lạc Sơn",
          "Trường THPT Yên Thủy",
        ],
      ],
      [
        "Cụm thi đua số 2",
        "Phòng GDĐT huyện Mai Châu",
        ["Phòng GDĐT huyện Mai Châu", "Trường THPT Mai Châu"],
      ],
      ["Cụm 3", "Trường THCS Kim Bôi", ["Trường Mầm non Kim Bôi", "Trường THCS Kim Bôi"]],
      ["Cụm 4", "Trường TH Bắc Phong", ["Trường TH Cao Phong", "Trường TH Bắc Phong", "Trường TH Thu Phong"]],
      // The leader in its own sentence after the members.
      ["Cụm số 5 (mầm non)", "Trường MN Hợp Đồng", ["Trường MN Hợp Thịnh", "Mầm non Hợp Đồng"]],
      // The leader named right after the word, then the members after theirs.
      ["Cụm số 6", "Trường THPT Lương Sơn", ["Trường THPT Nam Lương Sơn", "Trường THPT Cù Chính Lan"]],
    ]);
  });
});

describe("dates by level under a heading, and a date that opens its sentence", () => {
  it("gives a level's point under a 'Thời hạn …' heading that heading's step, for that level's schools", () => {
    expect(
      deadlines([
        "3. Thời hạn gửi báo cáo tổng kết",
        "",
        "a) Khối mầm non: chậm nhất ngày 08/6/2026.",
        "",
        "b) Tiểu học: gửi trong ngày 10/6/2026.",
      ]),
    ).toEqual([
      ["Gửi báo cáo tổng kết (các trường mầm non)", "các trường mầm non", "by", "2026-06-08"],
      ["Gửi báo cáo tổng kết (các trường Tiểu học)", "các trường Tiểu học", "on", "2026-06-10"],
    ]);
  });

  it("gives a clause ending on its verb what the clause before it names after the same verb", () => {
    expect(
      deadlines([
        "- Thời hạn: các trường THPT hoàn thành hồ sơ đăng ký trước ngày 14/10/2026; Phòng GDĐT hoàn thành chậm nhất ngày 23/10/2026.",
      ]).map(([task, responsible]) => [task, responsible]),
    ).toEqual([
      ["Các trường THPT hoàn thành hồ sơ đăng ký", "các trường THPT"],
      ["Phòng GDĐT hoàn thành hồ sơ đăng ký", "Phòng GDĐT"],
    ]);
  });

  it("reads the step after a date that opens the sentence, with who does it", () => {
    expect(
      deadlines([
        "Cụm trưởng gửi về Sở các hồ sơ sau:",
        "- Biên bản hội nghị cụm;",
        "",
        "- Từ ngày 15/6/2026 đến ngày 19/6/2026, bộ phận thi đua thẩm định hồ sơ; hồ sơ thiếu sẽ được báo lại.",
      ]),
    ).toEqual([["Bộ phận thi đua thẩm định hồ sơ", "bộ phận thi đua", "range", "2026-06-19"]]);
  });
});

describe("who acts in a sentence that opens with 'Mỗi' or a purpose, and a bare day after the plan's date", () => {
  it("reads 'Mỗi Phòng GDĐT chọn … gửi' and 'Để …, Văn phòng Sở tổ chức …' as those units' steps", () => {
    expect(
      deadlines([
        "- Các trường THPT nộp bản đăng ký trước ngày 20/4/2026.",
        "- Mỗi Phòng GDĐT chọn tối đa 02 sáng kiến, gửi chậm nhất ngày 25/4/2026.",
        "- Để các đơn vị nắm vững quy trình, Văn phòng Sở tổ chức tập huấn trong tuần từ 04/5 đến 08/5/2026.",
      ]).map(([, responsible, , due]) => [responsible, due]),
    ).toEqual([
      ["Các trường THPT", "2026-04-19"],
      ["Mỗi Phòng GDĐT", "2026-04-25"],
      ["Văn phòng Sở", "2026-05-08"],
    ]);
  });

  it("reads a bare day later than the plan's own date as the day something happens, but not a cited document's or a cut-off's", () => {
    expect(
      deadlines([
        "Căn cứ Quyết định số 15/QĐ-UBND ngày 10/01/2026 của UBND tỉnh;",
        "Kết quả xét chọn được công bố trên cổng thông tin ngày 12/5/2026.",
        "Hồ sơ gửi sau ngày 30/4/2026 sẽ không được tiếp nhận.",
      ]).map(([task, , kind, due]) => [task, kind, due]),
    ).toEqual([["Kết quả xét chọn được công bố trên cổng thông tin", "on", "2026-05-12"]]);
  });
});

describe("a schedule month by month", () => {
  it("gives the points under 'Tháng 12/2025:' that name no date of their own that month, and reads who acts in each", () => {
    expect(
      deadlines([
        "VII. TIẾN ĐỘ",
        "Tháng 11/2025:",
        "- Các trường gửi danh sách giáo viên dự thi trước ngày 10/11/2025.",
        "Tháng 12/2025:",
        "- Phòng GDĐT kiểm tra hồ sơ thi đua tại một số trường (lịch báo sau).",
        "- Các trường nộp sáng kiến đề nghị Hội đồng sáng kiến cấp huyện xét công nhận (hạn nộp: 19/12/2025).",
        "- Biên bản họp cụm do cụm trưởng nộp về Phòng chậm nhất ngày 26/12/2025.",
        "VIII. TỔ CHỨC THỰC HIỆN",
        "- Các trường thực hiện nghiêm túc.",
      ]),
    ).toEqual([
      ["Các trường gửi danh sách giáo viên dự thi", "Các trường", "before", "2025-11-09"],
      [
        "Phòng GDĐT kiểm tra hồ sơ thi đua tại một số trường (lịch báo sau)",
        "Phòng GDĐT",
        "month",
        "2025-12-31",
      ],
      [
        "Các trường nộp sáng kiến đề nghị Hội đồng sáng kiến cấp huyện xét công nhận",
        "Các trường",
        "by",
        "2025-12-19",
      ],
      ["Biên bản họp cụm do cụm trưởng nộp về Phòng", "cụm trưởng", "by", "2025-12-26"],
    ]);
  });
});

describe("a folder per cụm, and officers' own e-mails", () => {
  it("reads each cụm's link in the table of cụm as that cụm's channel, and an address after an officer's name as theirs", () => {
    const x = read([
      ...header,
      "IV. CỤM THI ĐUA",
      "Cụm\tĐơn vị thành viên\tThư mục nộp hồ sơ",
      "Cụm 1\tTH Hòa Sơn (Cụm trưởng); TH Hòa Lạc\thttps://drive.google.com/drive/folders/cum1-hs",
      "Cụm 2\tTH Kim Bôi (Cụm trưởng); TH Kim Truy\thttps://drive.google.com/drive/folders/cum2-hs",
      "",
      "V. CÁCH GỬI: các trường gửi thêm thư điện tử về tdkt@hoabinh.edu.vn.",
      "VI. LIÊN HỆ",
      "- Bà Vũ Thị Hoa, chuyên viên, tiếp nhận hồ sơ, điện thoại 0912 345 678.",
      "Thư điện tử: Vũ Thị Hoa - vthoa@hoabinh.edu.vn.",
    ]);
    expect(x.channels.map((c) => [c.kind, c.address, c.audience])).toEqual([
      ["email", "tdkt@hoabinh.edu.vn", undefined],
      ["system", "https://drive.google.com/drive/folders/cum1-hs", "Cụm 1"],
      ["system", "https://drive.google.com/drive/folders/cum2-hs", "Cụm 2"],
    ]);
    expect(x.contacts.map((c) => [c.name, c.email])).toEqual([["Vũ Thị Hoa", "vthoa@hoabinh.edu.vn"]]);
  });
});
