import { describe, expect, it } from "vitest";
import { createSchoolCalendar, extractPlan } from "../../../src/core/index.js";

// Shapes that plans of other offices use and the five samples do not: a table of one task's dates by
// level, a time cell merged over rows that name their own units, two levels' dates in one sentence,
// dossier lists written on one line, and addresses that are a person's rather than a channel.
const read = (lines: string[]) => extractPlan(lines.join("\n"), { calendar: createSchoolCalendar() });

const header = [
  "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN MÊ LINH",
  "",
  "HƯỚNG DẪN",
  "",
  "Công tác khen thưởng cuối năm học 2025 – 2026",
  "",
];

describe("deadlines of other offices' plans", () => {
  it("reads a table of one task's dates by level, the last row taking the date above", () => {
    const x = read([
      ...header,
      "2. Thời hạn gửi hồ sơ đề nghị công nhận Lao động tiên tiến theo từng cấp học:",
      "",
      "STT\tCấp học\tĐơn vị nộp\tThời hạn\tNgười tiếp nhận",
      "1\tMầm non\tCác trường mầm non\tNgày 12/5/2026\tCô Lan",
      "2\tTiểu học\tCác trường tiểu học\tNgày 14/5/2026\tThầy Đức",
      "3\tTHCS\tCác trường THCS\t\t",
      "",
      "Hồ sơ nộp muộn không được xét.",
    ]);
    const rows = x.deadlines.filter((d) => d.line >= 10 && d.line <= 12);
    expect(rows.map((d) => [d.source, d.task, d.responsible, d.kind, d.due, d.inherited])).toEqual([
      [
        "text",
        "Gửi hồ sơ đề nghị công nhận Lao động tiên tiến (Mầm non)",
        "Các trường mầm non",
        "on",
        "2026-05-12",
        false,
      ],
      [
        "text",
        "Gửi hồ sơ đề nghị công nhận Lao động tiên tiến (Tiểu học)",
        "Các trường tiểu học",
        "on",
        "2026-05-14",
        false,
      ],
      [
        "text",
        "Gửi hồ sơ đề nghị công nhận Lao động tiên tiến (THCS)",
        "Các trường THCS",
        "on",
        "2026-05-14",
        true,
      ],
    ]);
  });

  it("gives a timeline row with its own unit but an empty time cell the time of the row above", () => {
    const x = read([
      ...header,
      "PHỤ LỤC",
      "TT\tNội dung\tThời gian\tĐơn vị thực hiện",
      "1\tGửi báo cáo sơ kết học kỳ I\tTrước ngày 20/01/2026\tCác trường",
      "2\tTổng hợp báo cáo sơ kết gửi UBND huyện\t\tBộ phận thi đua",
    ]);
    const second = x.deadlines.find((d) => d.row === 2);
    expect(second).toMatchObject({
      responsible: "Bộ phận thi đua",
      kind: "before",
      due: "2026-01-19",
      inherited: true,
    });
  });

  it("numbers a timeline's rows by position when it has no TT column", () => {
    const x = read([
      ...header,
      "PHỤ LỤC",
      "Thời gian\tNội dung\tNgười thực hiện",
      "Tháng 10/2025\tTổ đăng ký thi đua\tTổ trưởng",
      "Thời gian\tNội dung\tNgười thực hiện",
      "Trước ngày 20/11/2025\tGửi danh sách đề nghị Giấy khen\tTổ trưởng",
    ]);
    expect(x.deadlines.map((d) => [d.row, d.due])).toEqual([
      [1, "2025-10-31"],
      [2, "2025-11-19"],
    ]);
  });

  it("splits a timeline row whose time cell gives each level its own date", () => {
    const x = read([
      ...header,
      "PHỤ LỤC",
      "Công việc\tHạn hoàn thành\tĐơn vị thực hiện",
      "Gửi danh sách đề nghị Giấy khen\tKhối mầm non: trước 17 giờ ngày 14/5/2026; khối THCS: hạn cuối 20/5/2026\tCác trường",
      "Họp Hội đồng Thi đua ngành\tNgày 02/6/2026\tPhòng GDĐT",
    ]);
    expect(x.deadlines.map((d) => [d.row, d.task, d.responsible, d.due])).toEqual([
      [1, "Gửi danh sách đề nghị Giấy khen – khối mầm non", "Khối mầm non", "2026-05-14"],
      [1, "Gửi danh sách đề nghị Giấy khen – khối THCS", "khối THCS", "2026-05-20"],
      [2, "Họp Hội đồng Thi đua ngành", "Phòng GDĐT", "2026-06-02"],
    ]);
  });

  it("reads a duty given to units after a colon, and a subject after a phrase of time", () => {
    const x = read([
      ...header,
      "III. TỔ CHỨC THỰC HIỆN",
      "a) Các trường tiểu học: lập kế hoạch thi đua của trường, gửi về Phòng trước ngày 20/9/2025; phân công người theo dõi.",
      "b) Sau đợt thi đua thứ nhất, khối trưởng nộp bảng điểm về Phòng chậm nhất ngày 15/12/2025.",
      "c) Phòng GDĐT tổ chức tổng kết đợt thi đua thứ nhất, dự kiến tháng 01/2026.",
    ]);
    expect(x.deadlines.map((d) => [d.task, d.responsible, d.due])).toEqual([
      ["Lập kế hoạch thi đua của trường, gửi về Phòng", "Các trường tiểu học", "2025-09-19"],
      ["Sau đợt thi đua thứ nhất, khối trưởng nộp bảng điểm về Phòng", "khối trưởng", "2025-12-15"],
      ["Phòng GDĐT tổ chức tổng kết đợt thi đua thứ nhất", "Phòng GDĐT", "2026-01-31"],
    ]);
    const planned = read([...header, "5. Lễ tổng kết năm học dự kiến tổ chức trong tháng 6/2026."]);
    expect(planned.deadlines.map((d) => d.task)).toEqual(["Lễ tổng kết năm học"]);
  });

  it("reads a meeting's hour and weekday after 'lúc', and a week of a month, without their lead in the task", () => {
    const x = read([
      ...header,
      "a) Họp Ban Tổ chức với các trường để bốc thăm: lúc 8 giờ 00, thứ Hai, ngày 07/12/2026 tại Hội trường.",
      "b) Phòng thông báo kết quả vòng 1 trong tuần cuối tháng 12/2026.",
      "c) Lúc này các trường rà soát hồ sơ của giáo viên.",
    ]);
    expect(x.deadlines.map((d) => [d.task, d.kind, d.start, d.due])).toEqual([
      ["Họp Ban Tổ chức với các trường để bốc thăm", "on", "2026-12-07", "2026-12-07"],
      ["Phòng thông báo kết quả vòng 1", "range", "2026-12-28", "2027-01-03"],
    ]);
  });

  it("tells apart two levels' dates in one sentence after a label", () => {
    const x = read([
      ...header,
      "Thời hạn: các trường THCS nộp bản đăng ký chậm nhất ngày 17/10/2025; các trường mầm non nộp chậm nhất ngày 24/10/2025.",
    ]);
    expect(x.deadlines.map((d) => [d.responsible, d.due])).toEqual([
      ["các trường THCS", "2025-10-17"],
      ["các trường mầm non", "2025-10-24"],
    ]);
  });

  it("does not take a rule about a time for a task due then", () => {
    const x = read([
      ...header,
      "- Cá nhân không nộp sáng kiến sẽ không được xét danh hiệu Chiến sĩ thi đua cơ sở vào cuối năm học.",
      "- Các trường nộp báo cáo tổng kết chậm nhất ngày 29/5/2026; hồ sơ nộp muộn không được xét.",
    ]);
    expect(x.deadlines.map((d) => d.raw)).toEqual(["chậm nhất ngày 29/5/2026"]);
  });

  it("does not take the body a dossier is addressed to, nor a purpose, for who must act", () => {
    const x = read([
      ...header,
      "3. Các trường tiểu học",
      "",
      "- Tổ chuyên môn chấm sáng kiến để đề nghị Hội đồng khoa học huyện xem xét. Hồ sơ đề nghị Hội đồng khoa học huyện xét gồm:",
      "- Đơn đề nghị;",
      "- Báo cáo mô tả sáng kiến.",
      "",
      "4. Các trường THCS",
      "",
      "Thời gian nhận hồ sơ: chậm nhất ngày 06/3/2026.",
    ]);
    expect(x.deadlines[0]).toMatchObject({ due: "2026-03-06", responsible: "Các trường THCS" });
  });
});

describe("a time and place under a heading", () => {
  it("names the event of a bare 'Thời gian, địa điểm' by the heading above it, not by earlier units", () => {
    const x = read([
      ...header,
      "IV. KHEN THƯỞNG",
      "",
      "- Các trường tiểu học gửi hồ sơ về Phòng chậm nhất ngày 20/5/2026.",
      "",
      "V. HỘI THẢO CHUYÊN ĐỀ THI ĐUA",
      "",
      "1. Thời gian, địa điểm: 8 giờ 00 ngày 12/6/2026, tại hội trường Phòng GDĐT.",
      "",
      "2. Thành phần: Hiệu trưởng các trường.",
    ]);
    expect(x.deadlines.map((d) => [d.due, d.task, d.responsible])).toEqual([
      ["2026-05-20", "Các trường tiểu học gửi hồ sơ về Phòng", "Các trường tiểu học"],
      ["2026-06-12", "Hội thảo chuyên đề thi đua", null],
    ]);
  });
});

describe("dossier lists of other offices' plans", () => {
  it("ties a timeline row for the dossier '(mục IV)' to that part's list, and no list across a part", () => {
    const x = read([
      ...header,
      "III. LỊCH THỰC HIỆN",
      "",
      "TT\tThời gian\tNội dung\tĐơn vị thực hiện",
      "1\tTrước ngày 20/5/2026\tNộp hồ sơ đề nghị khen thưởng cuối năm (mục IV)\tCác trường",
      "",
      "IV. HỒ SƠ KHEN THƯỞNG CUỐI NĂM",
      "",
      "1. Hồ sơ đề nghị xét danh hiệu Lao động tiên tiến gồm:",
      "",
      "- Tờ trình của trường;",
      "",
      "- Biên bản họp Hội đồng.",
      "",
      "2. Hồ sơ đề nghị khen thưởng cuối năm học gồm:",
      "",
      "- Tờ trình đề nghị khen thưởng;",
      "",
      "- Báo cáo thành tích.",
      "",
      "V. TỔNG KẾT",
      "",
      "Hội nghị tổng kết tổ chức vào ngày 05/6/2026 tại hội trường Phòng.",
    ]);
    expect(x.deadlines.map((d) => [d.due, d.requirement ?? null])).toEqual([
      ["2026-05-19", "Hồ sơ đề nghị khen thưởng cuối năm học"],
      ["2026-06-05", null],
    ]);
  });

  it("does not take the dated steps under a heading 'Hồ sơ …' for the dossier's papers", () => {
    const x = read([
      ...header,
      "5. Hồ sơ đề nghị khen thưởng cuối năm",
      "",
      "- Các trường THCS nộp hồ sơ từ ngày 18/5/2026 đến ngày 22/5/2026.",
      "",
      "- Các trường tiểu học nộp hồ sơ chậm nhất ngày 26/5/2026.",
      "",
      "6. Hồ sơ đề nghị Giấy khen",
      "",
      "- Tờ trình của trường;",
      "",
      "- Báo cáo thành tích.",
    ]);
    expect(x.requirements.map((r) => [r.name, r.items])).toEqual([
      ["Hồ sơ đề nghị Giấy khen", ["Tờ trình của trường", "Báo cáo thành tích"]],
    ]);
    expect(x.deadlines.map((d) => d.due)).toEqual(["2026-05-22", "2026-05-26"]);
  });

  it("gives a deadline for 'hồ sơ tại điểm b mục II' the names of that point's dossiers", () => {
    const x = read([
      ...header,
      "II. HỒ SƠ",
      "a) Hồ sơ xét Lao động tiên tiến gồm:",
      "- Tờ trình;",
      "- Biên bản họp.",
      "b) Hồ sơ đề nghị Giấy khen của Trưởng phòng (02 bộ bản chính) gồm:",
      "- Tờ trình;",
      "- Tóm tắt thành tích.",
      "III. THỜI HẠN",
      "1. Hồ sơ tại điểm b mục II nộp chậm nhất ngày 22/5/2026.",
    ]);
    expect(x.requirements[1]).toMatchObject({
      name: "Hồ sơ đề nghị Giấy khen của Trưởng phòng",
      copies: "02 bộ bản chính",
    });
    expect(x.deadlines[0]).toMatchObject({
      due: "2026-05-22",
      task: "Hồ sơ đề nghị Giấy khen của Trưởng phòng nộp",
      requirement: "Hồ sơ đề nghị Giấy khen của Trưởng phòng",
    });
  });

  it("names a list by its numbered part when the lead says only how and when it goes, and reads a long numbered heading's bullets", () => {
    const x = read([
      ...header,
      "3. Hồ sơ khen thưởng",
      "3.1. Khen thưởng đột xuất đợt phòng chống bão lũ (Giấy khen của Trưởng phòng)",
      "Các trường gửi hồ sơ qua hệ thống chậm nhất ngày 10/11/2025. Hồ sơ gồm:",
      "- Tờ trình của trường;",
      "- Tóm tắt thành tích.",
      "3.2. Hồ sơ đề nghị công nhận danh hiệu Tập thể lao động xuất sắc của Chủ tịch UBND huyện năm học 2025 – 2026",
      "- Tờ trình đề nghị của Hiệu trưởng (02 bản);",
      "- Báo cáo thành tích của tập thể (03 bản).",
    ]);
    expect(x.requirements.map((r) => [r.name, r.items.length])).toEqual([
      ["Hồ sơ khen thưởng đột xuất đợt phòng chống bão lũ (Giấy khen của Trưởng phòng)", 2],
      [
        "Hồ sơ đề nghị công nhận danh hiệu Tập thể lao động xuất sắc của Chủ tịch UBND huyện năm học 2025 – 2026",
        2,
      ],
    ]);
  });

  it("reads a list numbered (1), (2), (3) in its lead's line, with the copies said after it", () => {
    const x = read([
      ...header,
      "- Hồ sơ đề nghị Giấy khen gồm: (1) Tờ trình của trường; (2) Biên bản họp, ghi rõ kết quả bỏ phiếu; (3) Tóm tắt thành tích; mỗi thành phần 02 bản có chữ ký của Hiệu trưởng, nộp tại Phòng 105.",
    ]);
    expect(x.requirements.map((r) => [r.name, r.items, r.copies])).toEqual([
      [
        "Hồ sơ đề nghị Giấy khen",
        ["Tờ trình của trường", "Biên bản họp, ghi rõ kết quả bỏ phiếu", "Tóm tắt thành tích"],
        "02 bản có chữ ký của Hiệu trưởng",
      ],
    ]);
  });

  it("reads a list written on its lead's own line", () => {
    const x = read([
      ...header,
      "1. Hồ sơ đề nghị Giấy khen của Trưởng phòng gồm: Tờ trình; Biên bản bình xét; Bảng tóm tắt thành tích.",
    ]);
    expect(x.requirements).toEqual([
      {
        name: "Hồ sơ đề nghị Giấy khen của Trưởng phòng",
        items: ["Tờ trình", "Biên bản bình xét", "Bảng tóm tắt thành tích"],
        line: 7,
      },
    ]);
  });

  it("reads the copies said in the sentence after a list", () => {
    const x = read([
      ...header,
      "Hồ sơ đăng ký gồm:",
      "- Tờ trình;",
      "- Bảng đăng ký.",
      "Hồ sơ gửi dưới dạng 01 bản file word và 01 bản file .pdf (đã ký số) qua thư điện tử dangky@example.edu.vn.",
    ]);
    expect(x.requirements[0]?.copies).toBe("01 bản file word và 01 bản file .pdf");
    const counted = read([
      ...header,
      "a) Hồ sơ xét Giấy khen gồm:",
      "- Tờ trình;",
      "- Biên bản.",
      "Số lượng: 03 bộ bản chính.",
    ]);
    expect(counted.requirements[0]?.copies).toBe("03 bộ bản chính");
  });

  it("keeps a heading in capitals apart from the lettered point below it", () => {
    const x = read([
      ...header,
      "II. HỒ SƠ KHEN THƯỞNG",
      "",
      "a) Hồ sơ xét Lao động tiên tiến gồm:",
      "- Tờ trình;",
      "- Biên bản họp.",
    ]);
    expect(x.requirements[0]).toMatchObject({ name: "Hồ sơ xét Lao động tiên tiến", line: 9 });
  });

  it("names a dossier from the sentence before 'Hồ sơ gồm:'", () => {
    const x = read([
      ...header,
      "Hội đồng trường họp bình xét, lập hồ sơ đề nghị tặng Giấy khen. Hồ sơ gồm:",
      "- Tờ trình;",
      "- Biên bản họp.",
    ]);
    expect(x.requirements[0]?.name).toBe("Hồ sơ đề nghị tặng Giấy khen");
  });
});

describe("channels of other offices' plans", () => {
  it("keeps the file-name rule of an e-mail channel and leaves a person's addresses out", () => {
    const x = read([
      ...header,
      "Hồ sơ gửi qua thư điện tử khenthuong.melinh@example.edu.vn; tên tệp đặt theo cấu trúc Tên trường_KT_2026 (ví dụ: MN Hoa Sen_KT_2026).",
      "",
      "Bản quét quyết định tải lên hệ thống theo hướng dẫn của Bộ phận thi đua.",
      "",
      "Nếu có vướng mắc, các trường liên hệ bà Lê Thị Mai, chuyên viên (điện thoại: 0912.000.111; e-mail: ltmai@example.gov.vn).",
      "",
      "Địa chỉ nvhung@example.gov.vn chỉ dùng để trao đổi nghiệp vụ, không tiếp nhận hồ sơ.",
    ]);
    expect(x.channels.map((c) => [c.kind, c.address, c.fileNamePattern])).toEqual([
      ["email", "khenthuong.melinh@example.edu.vn", "Tên trường_KT_2026"],
    ]);
  });

  it("takes a file-name rule from the end of the list of ways to send, and no place from 'tại Phụ lục'", () => {
    const x = read([
      ...header,
      "4. Cách gửi hồ sơ",
      "- Bản điện tử: gửi qua hệ thống quản lý văn bản của huyện (https://qlvb.melinh.gov.vn).",
      "- Bản giấy: nộp trực tiếp tại Văn phòng Phòng GDĐT (phòng 105).",
      "- Hộp thư thidua@melinh.edu.vn chỉ nhận tệp Word của báo cáo thành tích.",
      "- Quy tắc đặt tên tệp: viết không dấu, theo cấu trúc *TenTruong_HoSo_2026*; ví dụ THKimLu_HoSo_2026.pdf.",
      "5. Hồ sơ trả lại, các trường bổ sung và nộp lại theo thời hạn tại Phụ lục.",
    ]);
    const system = x.channels.find((c) => c.kind === "system");
    expect(system?.fileNamePattern).toBe("TenTruong_HoSo_2026 (ví dụ THKimLu_HoSo_2026.pdf)");
    expect(x.channels.filter((c) => c.kind === "in_person").map((c) => c.address)).toEqual([
      "Văn phòng Phòng GDĐT (phòng 105)",
    ]);
  });

  it("keeps a room and floor in the place to hand dossiers in", () => {
    const x = read([
      ...header,
      "- Hồ sơ giấy: nộp trực tiếp tại Tổ Văn phòng, phòng 3.02, tầng 3, trụ sở Phòng GDĐT.",
    ]);
    expect(x.channels.map((c) => [c.kind, c.address])).toEqual([
      ["in_person", "Tổ Văn phòng, phòng 3.02, tầng 3, trụ sở Phòng GDĐT"],
    ]);
  });
});

describe("a letterhead exported from a Word table", () => {
  it("reads the number and the date from the two cells of one line", () => {
    const x = read([
      "UBND HUYỆN THƯỜNG TÍN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "**PHÒNG GIÁO DỤC VÀ ĐÀO TẠO**\t**Độc lập - Tự do - Hạnh phúc**",
      "",
      "Số:  *318* /KH-PGDĐT\t*Thường Tín, ngày 02 tháng 10 năm 2025*",
      "",
      "KẾ HOẠCH",
      "",
      "Thi đua chào mừng ngày Nhà giáo Việt Nam 20/11/2025",
    ]);
    expect(x.document).toMatchObject({
      kind: "KẾ HOẠCH",
      number: "318/KH-PGDĐT",
      place: "Thường Tín",
      issuedOn: "2025-10-02",
      issuer: "Phòng Giáo dục và Đào tạo huyện Thường Tín",
    });
  });

  it("names the office from the left column even when a sentence abbreviates it", () => {
    const x = read([
      "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "THÀNH PHỐ BIÊN HÒA\t**Độc lập - Tự do - Hạnh phúc**",
      "**PHÒNG GIÁO DỤC VÀ ĐÀO TẠO**\t",
      "Số: 77/PGDĐT-TĐKT\t*Biên Hòa, ngày 05 tháng 5 năm 2026*",
      "V/v nộp hồ sơ khen thưởng cuối năm học 2025 – 2026\t",
      "Phòng GDĐT hướng dẫn các trường nộp hồ sơ chậm nhất ngày 25/5/2026.",
    ]);
    expect(x.document).toMatchObject({
      kind: "CÔNG VĂN",
      number: "77/PGDĐT-TĐKT",
      issuer: "Phòng Giáo dục và Đào tạo thành phố Biên Hòa",
    });
  });
});

describe("officers and groups of other offices' plans", () => {
  it("reads officers named after their scope, with a phone, and one given to ask", () => {
    const x = read([
      ...header,
      "- Cấp mầm non: bà Hoàng Thị Yến, chuyên viên, điện thoại 0911 222 333.",
      "",
      "- Đồng chí Vũ Văn Tài, chuyên viên phụ trách thi đua cấp THCS; điện thoại 0988 777 666.",
      "",
      "Nếu có vướng mắc, các trường liên hệ ông Đinh Công Lý, chuyên viên Tổ Văn phòng (điện thoại: 0243.111.222) để được hướng dẫn.",
    ]);
    expect(x.contacts.map((c) => [c.name, c.scope, c.phone])).toEqual([
      ["Hoàng Thị Yến", "cấp mầm non", "0911 222 333"],
      ["Vũ Văn Tài", "cấp THCS", "0988 777 666"],
      ["Đinh Công Lý", "chuyên viên Tổ Văn phòng", "0243.111.222"],
    ]);
  });

  it("reads each officer's duty after their phone, and the trouble the one named for it helps with", () => {
    const x = read([
      ...header,
      "Nếu có vướng mắc, các trường liên hệ: bà Lương Thị Hoa, chuyên viên, điện thoại 0912 000 111, phụ trách hồ sơ cấp tiểu học; ông Hà Văn Tú, chuyên viên, điện thoại 0912 000 222, hỗ trợ sáng kiến và hồ sơ điện tử. Các số máy trên không nhận hồ sơ.",
      "",
      "Khi không đăng nhập được phần mềm quản lý hồ sơ hoặc lỗi ký số, các đơn vị liên hệ bà Mai Thu Trang, kỹ thuật viên, điện thoại 0912 000 333.",
    ]);
    expect(x.contacts.map((c) => [c.name, c.scope])).toEqual([
      ["Lương Thị Hoa", "cấp tiểu học"],
      ["Hà Văn Tú", "hỗ trợ sáng kiến và hồ sơ điện tử"],
      ["Mai Thu Trang", "kỹ thuật viên; không đăng nhập được phần mềm quản lý hồ sơ hoặc lỗi ký số"],
    ]);
  });

  it("reads numbered officers whose duty follows their phone and e-mail after a dash", () => {
    const x = read([
      ...header,
      "Phân công chuyên viên theo dõi:",
      "1. Bà Đỗ Thị Lan, chuyên viên, điện thoại 0912 000 444, e-mail dtlan@melinh.edu.vn – tiếp nhận hồ sơ dự thi, giải đáp về video.",
      "2. Ông Vũ Văn Nam, chuyên viên, điện thoại 0912 000 555 – đăng ký danh hiệu thi đua, biểu mẫu trực tuyến.",
    ]);
    expect(x.contacts.map((c) => [c.name, c.scope, c.phone])).toEqual([
      ["Đỗ Thị Lan", "tiếp nhận hồ sơ dự thi, giải đáp về video", "0912 000 444"],
      ["Vũ Văn Nam", "đăng ký danh hiệu thi đua, biểu mẫu trực tuyến", "0912 000 555"],
    ]);
  });

  it("reads khối from a table, without a remark in the leader's cell, and from 'Khối trưởng là …'", () => {
    const x = read([
      ...header,
      "Các trường được chia thành 02 khối thi đua:",
      "TT\tKhối thi đua\tSố trường\tĐơn vị khối trưởng",
      "1\tKhối Mầm non\t12\tTrường Mầm non Hoa Mai (*thay Trường Mầm non Sen Hồng*)",
      "2\tKhối Tiểu học\t10\tTrường Tiểu học Tiền Phong",
      "",
      "- Khối thi đua số 3 (các trường THCS): Khối trưởng là Trường THCS Tự Lập; khối phó là Trường THCS Quang Minh.",
    ]);
    expect(x.groups.map((g) => [g.name, g.leader])).toEqual([
      ["Khối Mầm non", "Trường Mầm non Hoa Mai"],
      ["Khối Tiểu học", "Trường Tiểu học Tiền Phong"],
      ["Khối thi đua số 3 (các trường THCS)", "Trường THCS Tự Lập"],
    ]);
  });
});

describe("a school's own plan", () => {
  const school = [
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH GIA LAI\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "**TRƯỜNG THPT LÊ LỢI**\t**Độc lập - Tự do - Hạnh phúc**",
    "",
    "KẾ HOẠCH",
    "",
    "Thi đua năm học 2025 – 2026",
    "",
    "1. Thành phần Hội đồng",
    "",
    "- Ông Lý Văn Bình, Hiệu trưởng – Chủ tịch Hội đồng;",
    "- Bà Đào Thị Mơ, Phó Hiệu trưởng – Phó Chủ tịch;",
    "",
    "2. Nơi nộp",
    "",
    "- Bản giấy: nộp cho thư ký Hội đồng hoặc để vào hộp đựng hồ sơ thi đua tại Phòng Hội đồng (phòng 204, tầng 2).",
    "",
    "- Bản điện tử: gửi về hộp thư thidua@leloi.example.edu.vn.",
    "",
    "- Tên tệp đặt theo mẫu: TenTo_DK_2025 đối với hồ sơ đăng ký của tổ.",
    "",
    "3. Người cần liên hệ",
    "",
    "- Ông Rơ Mah Tuấn, Bí thư Đoàn trường, điện thoại 0977 100 200: khen thưởng học sinh.",
  ];

  it("takes the one to ask with their duty after the colon, not the council's members", () => {
    const x = read(school);
    expect(x.contacts.map((c) => [c.name, c.scope, c.title, c.phone])).toEqual([
      ["Rơ Mah Tuấn", "khen thưởng học sinh", "Bí thư Đoàn trường", "0977 100 200"],
    ]);
  });

  it("reads a tray in a room, with the tray, as the place to hand in, and a file-name rule written as its own point", () => {
    const x = read(school);
    expect(x.channels.map((c) => [c.kind, c.address, c.fileNamePattern])).toEqual([
      ["in_person", "hộp đựng hồ sơ thi đua tại Phòng Hội đồng (phòng 204, tầng 2)", undefined],
      ["email", "thidua@leloi.example.edu.vn", "TenTo_DK_2025"],
    ]);
  });
});

describe("a schedule of numbered points, each opening with its date in bold", () => {
  it("takes the step after the date's colon, past a weekday, an hour or a remark on how the day counts", () => {
    const x = extractPlan(
      [
        "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN YÊN LẠC\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 77/TB-PGDĐT\tYên Lạc, ngày 20 tháng 12 năm 2025",
        "THÔNG BÁO",
        "Sơ kết học kỳ I năm học 2025 - 2026",
        "III. TIẾN ĐỘ",
        "1. **Từ 04/01 đến 08/01/2026:** Các trường tự chấm điểm thi đua học kỳ I.",
        "2. **Ngày 12/01/2026 (thứ Hai), từ 8h00:** Hội nghị sơ kết tại hội trường Phòng.",
        "3. **Chậm nhất ngày 05/02/2026 (tính theo dấu bưu điện):** Các trường gửi bản giấy qua bưu điện.",
      ].join("\n\n"),
      { calendar: createSchoolCalendar() },
    );
    expect(x.deadlines.map((d) => [d.task, d.raw, d.kind, d.due])).toEqual([
      ["Các trường tự chấm điểm thi đua học kỳ I", "Từ 04/01 đến 08/01/2026", "range", "2026-01-08"],
      ["Hội nghị sơ kết tại hội trường Phòng", "Ngày 12/01/2026", "on", "2026-01-12"],
      [
        "Các trường gửi bản giấy qua bưu điện",
        "Chậm nhất ngày 05/02/2026 (tính theo dấu bưu điện)",
        "by",
        "2026-02-05",
      ],
    ]);
  });
});
