import { describe, expect, it } from "vitest";
import { createSchoolCalendar, extractPlan } from "../../../src/core/index.js";

// How offices write who to ask and which unit leads each khối/cụm, beyond the shapes already read:
// punctuation between a name, a title and a phone; a scope written before the name; people given to
// ask inside a sentence; groups in a table, in a sentence, or under their own heading.
const read = (lines: string[]) => extractPlan(lines.join("\n"), { calendar: createSchoolCalendar() });

const header = [
  "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH HÀ NAM",
  "",
  "KẾ HOẠCH",
  "",
  "Công tác thi đua, khen thưởng năm học 2025 – 2026",
  "",
];

const people = (lines: string[]) =>
  read([...header, ...lines]).contacts.map((c) => [c.name, c.scope, c.phone ?? null, c.email ?? null]);
const groups = (lines: string[]) => read([...header, ...lines]).groups.map((g) => [g.name, g.leader]);

describe("officers in charge", () => {
  it("reads each clause of a closing sentence that names several people to turn to, with what each is for", () => {
    expect(
      people([
        "Trong quá trình thực hiện, nếu có vướng mắc, các trường THCS liên hệ bà Cù Thị Hảo, chuyên viên (điện thoại 0912 000 333); về việc nộp bản giấy liên hệ ông Mạc Văn Tú, văn thư (điện thoại 0912 000 444); các đơn vị khác liên hệ bà Lã Thị Yến, chuyên viên (email yenlt@example.edu.vn)./.",
      ]),
    ).toEqual([
      ["Cù Thị Hảo", "chuyên viên; các trường THCS", "0912 000 333", null],
      ["Mạc Văn Tú", "văn thư; nộp bản giấy", "0912 000 444", null],
      ["Lã Thị Yến", "chuyên viên", null, "yenlt@example.edu.vn"],
    ]);
  });

  it("reads officers from a table of name, title, duty, phone and e-mail, columns in any order", () => {
    expect(
      people([
        "III. CÁN BỘ ĐẦU MỐI",
        "",
        "STT\tHọ và tên\tChức vụ\tPhụ trách\tĐiện thoại\tEmail",
        "1\tÔng Trần Văn Khải\tPhó Trưởng phòng\tChỉ đạo chung\t0913 222 111\tkhaitv@example.edu.vn",
        "2\tLưu Thị Bích Ngọc\tChuyên viên\tCấp mầm non\t0987.654.321\t",
        "",
        "TT\tCán bộ\tSĐT\tLĩnh vực theo dõi",
        "1\tBà Đoàn Thu Hương\t0904 111 222\tSáng kiến, đề tài",
      ]),
    ).toEqual([
      ["Trần Văn Khải", "Chỉ đạo chung", "0913 222 111", "khaitv@example.edu.vn"],
      ["Lưu Thị Bích Ngọc", "Cấp mầm non", "0987.654.321", null],
      ["Đoàn Thu Hương", "Sáng kiến, đề tài", "0904 111 222", null],
    ]);
  });

  it("keeps a phone after ' - ĐT:' or 'ĐT/Zalo:' out of the scope and in its field", () => {
    expect(
      people([
        "- Đ/c Hà Văn Lực - Chuyên viên phụ trách cấp Tiểu học - ĐT: 0912.345.678",
        "",
        "- Bà Ngô Thị Lan, chuyên viên phụ trách khối mầm non, ĐT/Zalo: 0912 345 679, email: lan.mn@example.edu.vn.",
      ]),
    ).toEqual([
      ["Hà Văn Lực", "cấp Tiểu học", "0912.345.678", null],
      ["Ngô Thị Lan", "phụ trách khối mầm non", "0912 345 679", "lan.mn@example.edu.vn"],
    ]);
  });

  it("reads a scope written before the name without 'Cấp', and a bare phone after a dash", () => {
    expect(
      people([
        "- Mầm non: bà Lò Thị Mai, chuyên viên, điện thoại 0911 000 111.",
        "",
        "- Cấp THCS: Đ/c Kha Văn Sơn - chuyên viên - 0911 000 222.",
      ]),
    ).toEqual([
      ["Lò Thị Mai", "mầm non", "0911 000 111", null],
      ["Kha Văn Sơn", "cấp THCS", "0911 000 222", null],
    ]);
  });

  it("writes a second duty ('…, đồng thời …') as a second part of the scope", () => {
    expect(
      people([
        "- Đồng chí Mạc Thị Hoa, chuyên viên phụ trách thi đua cấp THCS, đồng thời theo dõi hồ sơ sáng kiến; điện thoại 0911 000 333.",
      ]),
    ).toEqual([["Mạc Thị Hoa", "cấp THCS; theo dõi hồ sơ sáng kiến", "0911 000 333", null]]);
  });

  it("reads each person a sentence says to turn to, however the title and phone are set off", () => {
    expect(
      people([
        "Nếu có vướng mắc, đề nghị liên hệ trực tiếp với bà Tô Thị Nga (chuyên viên Phòng GDĐT, ĐT 0243.555.666) để được hướng dẫn.",
        "",
        "Các đơn vị liên hệ chị Đàm Thu Hương, chuyên viên, số điện thoại 0243 555 777 hoặc ông Vi Văn Khải, Phó Chánh Văn phòng, điện thoại 0243 555 888.",
        "",
        "Mọi chi tiết liên hệ Tổ Thi đua – Khen thưởng (bà Phan Thị Hồng, ĐT 0243 555 999).",
      ]),
    ).toEqual([
      ["Tô Thị Nga", "chuyên viên Phòng GDĐT", "0243.555.666", null],
      ["Đàm Thu Hương", "chuyên viên", "0243 555 777", null],
      ["Vi Văn Khải", "Phó Chánh Văn phòng", "0243 555 888", null],
      ["Phan Thị Hồng", "Tổ Thi đua – Khen thưởng", "0243 555 999", null],
    ]);
  });

  it("does not take the council's chair for an officer in charge, nor the council's roles", () => {
    expect(
      people([
        "- Ông Lý Văn Bình, Hiệu trưởng – Chủ tịch Hội đồng, phụ trách chung.",
        "- Thư ký: bà Cao Thị Lụa, giáo viên, điện thoại 0912 111 222.",
        "",
        "- Bà Đào Thị Mơ, chuyên viên, phụ trách cấp tiểu học.",
      ]),
    ).toEqual([["Đào Thị Mơ", "cấp tiểu học", null, null]]);
  });
});

describe("khối and cụm thi đua", () => {
  it("reads a table whose leader cells carry the head's title or a remark in italics", () => {
    expect(
      groups([
        "Các đơn vị chia thành 02 khối:",
        "STT\tTên khối, cụm thi đua\tĐơn vị khối trưởng\tGhi chú",
        "1\tKhối Mầm non\tTrường Mầm non Hoa Sen *thay Trường Mầm non Họa Mi*\t",
        "2\tKhối Tiểu học\tHiệu trưởng Trường Tiểu học Kim Đồng\t",
        "",
        "Khối trưởng chủ trì xây dựng quy chế hoạt động của khối.",
      ]),
    ).toEqual([
      ["Khối Mầm non", "Trường Mầm non Hoa Sen"],
      ["Khối Tiểu học", "Trường Tiểu học Kim Đồng"],
    ]);
  });

  it("reads a table of groups with their member units, the leader marked among them or in its own column", () => {
    const read3 = (lines: string[]) =>
      read([...header, ...lines]).groups.map((g) => [g.name, g.leader, g.members]);
    expect(
      read3([
        "TT\tKhối thi đua\tCác đơn vị thành viên",
        "1\tKhối 1\tTrường THCS An Phú (khối trưởng); Trường THCS Bình Lợi; Trường THCS Cát Lái",
        "2\tKhối 2\tTrường THCS Dĩ An, Trường THCS Đông Hòa",
        "",
        "",
        "Cụm thi đua\tĐơn vị cụm trưởng\tĐơn vị",
        "Cụm 1\tPhòng GDĐT huyện Kỳ Sơn\tPhòng GDĐT huyện Kỳ Sơn, Phòng GDĐT huyện Lạc Sơn",
        "",
        // A members' cell that runs on past a line break, its line as many cells wide as the table (Word).
        "Khối thi đua\tĐơn vị thành viên\tSố đơn vị",
        "Khối II\tTrường THPT Tân Lạc; Trường THPT Mai Châu (khối trưởng);\t",
        "Trường THPT Đà Bắc; Trường THPT Lương Sơn\t04\t",
      ]),
    ).toEqual([
      ["Khối 1", "Trường THCS An Phú", ["Trường THCS An Phú", "Trường THCS Bình Lợi", "Trường THCS Cát Lái"]],
      ["Khối 2", null, ["Trường THCS Dĩ An", "Trường THCS Đông Hòa"]],
      ["Cụm 1", "Phòng GDĐT huyện Kỳ Sơn", ["Phòng GDĐT huyện Kỳ Sơn", "Phòng GDĐT huyện Lạc Sơn"]],
      [
        "Khối II",
        "Trường THPT Mai Châu",
        ["Trường THPT Tân Lạc", "Trường THPT Mai Châu", "Trường THPT Đà Bắc", "Trường THPT Lương Sơn"],
      ],
    ]);
  });

  it("reads the leader wherever a group's sentence names it, without the deputy or a remark", () => {
    expect(
      groups([
        "- Khối thi đua số 1 gồm 12 trường THPT khu vực thành phố, khối trưởng: Trường THPT Lương Văn Tụy, khối phó: Trường THPT Biên Hòa.",
        "- Khối thi đua số 2 (các trường THPT phía Bắc) do Trường THPT Nam Cao làm khối trưởng.",
        "- Cụm thi đua số 3, cụm trưởng là Phòng GDĐT huyện Thanh Liêm.",
        "a) Khối Mầm non số 4: Trưởng khối là Trường Mầm non Hoa Sen (thay Trường Mầm non Họa Mi).",
        "- Khối thi đua số 5: gồm 10 trường THPT phía Nam; khối trưởng là đơn vị được bầu tại hội nghị khối.",
      ]),
    ).toEqual([
      ["Khối thi đua số 1", "Trường THPT Lương Văn Tụy"],
      ["Khối thi đua số 2 (các trường THPT phía Bắc)", "Trường THPT Nam Cao"],
      ["Cụm thi đua số 3", "Phòng GDĐT huyện Thanh Liêm"],
      ["Khối Mầm non số 4", "Trường Mầm non Hoa Sen"],
    ]);
  });

  it("reads a group named on its own line with its leader on the next, or marked among its members", () => {
    expect(
      groups([
        "a) Khối thi đua số 1 (các trường THPT khu vực thành phố):",
        "- Khối trưởng: Trường THPT Phủ Lý A;",
        "- Khối phó: Trường THPT Phủ Lý B.",
        "b) Khối thi đua số 2 gồm các trường: Trường THCS Đông Sơn (khối trưởng), Trường THCS Tây Sơn.",
        "",
        "Khối trưởng: chủ trì chấm điểm và tổng hợp kết quả của khối.",
      ]),
    ).toEqual([
      ["Khối thi đua số 1 (các trường THPT khu vực thành phố)", "Trường THPT Phủ Lý A"],
      ["Khối thi đua số 2", "Trường THCS Đông Sơn"],
    ]);
  });
});

describe("a table of cụm with a deputy's column", () => {
  it("counts the deputy and 'the remaining members' among the cụm's members", () => {
    const plan = read([
      ...header,
      "| Cụm | Cụm trưởng | Cụm phó | Các thành viên còn lại |",
      "|---|---|---|---|",
      "| Cụm 1 - Tiểu học | Trường Tiểu học An Lạc | Trường Tiểu học Bình Minh | Trường Tiểu học Cầu Xéo; Trường Tiểu học Định Yên |",
      "",
    ]);
    expect(plan.groups.map((g) => [g.name, g.leader, g.members])).toEqual([
      [
        "Cụm 1 - Tiểu học",
        "Trường Tiểu học An Lạc",
        ["Trường Tiểu học Bình Minh", "Trường Tiểu học Cầu Xéo", "Trường Tiểu học Định Yên"],
      ],
    ]);
  });
});

describe("groups in prose with a count of units, a deputy, and khối of tổ led by people", () => {
  const full = (lines: string[]) =>
    read([...header, ...lines]).groups.map((g) => [g.name, g.leader, g.deputy ?? null, g.members]);

  it("reads 'gồm 04 đơn vị: …; Cụm trưởng là …, Cụm phó là …'", () => {
    expect(
      full([
        "Cụm thi đua số 2 gồm 03 đơn vị: Trường THPT Bắc Sơn, Trường THPT Yên Thế và Trung tâm GDNN-GDTX Hiệp Hòa; Cụm trưởng là Trường THPT Yên Thế, Cụm phó là Trường THPT Bắc Sơn.",
      ]),
    ).toEqual([
      [
        "Cụm thi đua số 2",
        "Trường THPT Yên Thế",
        "Trường THPT Bắc Sơn",
        ["Trường THPT Bắc Sơn", "Trường THPT Yên Thế", "Trung tâm GDNN-GDTX Hiệp Hòa"],
      ],
    ]);
  });

  it("reads a school's khối of tổ: led by a teacher with their tổ, a deputy teacher, a tổ's name holding 'và'", () => {
    expect(
      full([
        "- Khối thi đua số 2 (Khối Xã hội): gồm Tổ Văn - Giáo dục công dân và Tổ Sử và Địa. Khối trưởng: thầy Vũ Đình Long (Tổ trưởng Tổ Sử và Địa); khối phó: cô Kiều Thị Ngân.",
      ]),
    ).toEqual([
      [
        "Khối thi đua số 2 (Khối Xã hội)",
        "Vũ Đình Long (Tổ trưởng Tổ Sử và Địa)",
        "Kiều Thị Ngân",
        ["Tổ Văn - Giáo dục công dân", "Tổ Sử và Địa"],
      ],
    ]);
  });
});

describe("a person's second number", () => {
  it("keeps a mobile number written after the office line", () => {
    expect(
      people([
        "- Bà Đỗ Thị Nga, chuyên viên Văn phòng Sở, phụ trách thi đua; điện thoại: 0291.3822.100, di động: 0912 777 888; e-mail: ngadt@camau.edu.vn.",
      ]),
    ).toEqual([["Đỗ Thị Nga", "phụ trách thi đua", "0291.3822.100 hoặc 0912 777 888", "ngadt@camau.edu.vn"]]);
  });
});

describe("officers in a table whose name cell holds the title", () => {
  it("splits the title from the name and takes the e-mails listed with a dash after each name", () => {
    const found = read([
      ...header,
      "| Họ tên | Nhiệm vụ | Điện thoại |",
      "| --- | --- | --- |",
      "| Bà Hà Thị Loan, Chuyên viên | Thi đua cấp tiểu học | 0912 111 222 |",
      "| Ông Lê Văn Tú, Phó Trưởng phòng | Chỉ đạo chung | 0912 333 444 |",
      "",
      "Thư điện tử (chỉ để trao đổi): bà Hà Thị Loan - loanht@camau.edu.vn; ông Lê Văn Tú - tulv@camau.edu.vn.",
    ]).contacts.map((c) => [c.name, c.title ?? null, c.scope, c.phone ?? null, c.email ?? null]);
    expect(found).toEqual([
      ["Hà Thị Loan", "Chuyên viên", "Thi đua cấp tiểu học", "0912 111 222", "loanht@camau.edu.vn"],
      ["Lê Văn Tú", "Phó Trưởng phòng", "Chỉ đạo chung", "0912 333 444", "tulv@camau.edu.vn"],
    ]);
  });
});

describe("a khối table whose deputy is also in its members' cell", () => {
  it("lists the deputy once", () => {
    const [group] = read([
      ...header,
      "| Khối | Đơn vị thành viên | Khối trưởng | Khối phó |",
      "|---|---|---|---|",
      "| Khối IV | Trường THPT An Lão; Trường THPT Kim Bảng | Trường THPT An Lão | Trường THPT Kim Bảng |",
    ]).groups;
    expect(group?.members).toEqual(["Trường THPT An Lão", "Trường THPT Kim Bảng"]);
    expect(group?.deputy).toBe("Trường THPT Kim Bảng");
  });
});

describe("khối whose members follow the kind of unit and a colon", () => {
  it("heads a Phòng's bare district names with it, and drops a school list's qualifier", () => {
    const found = read([
      ...header,
      "Khối 2 gồm các Phòng GDĐT: huyện Bình Lục, thị xã Duy Tiên; khối trưởng: Phòng GDĐT huyện Bình Lục.",
      "",
      "Khối V gồm các trường THPT ngoài công lập: THPT Lương Thế Vinh, THPT Thanh Liêm; khối trưởng: Trường THPT Lương Thế Vinh.",
    ]).groups.map((g) => [g.name, g.members]);
    expect(found).toEqual([
      ["Khối 2", ["Phòng GDĐT huyện Bình Lục", "Phòng GDĐT thị xã Duy Tiên"]],
      ["Khối V", ["THPT Lương Thế Vinh", "THPT Thanh Liêm"]],
    ]);
  });
});
