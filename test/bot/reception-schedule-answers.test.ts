import { describe, expect, it } from "vitest";
import { askAsSeated } from "../support/ask-as-seated.js";
import { useTestDatabase } from "../support/engines.js";

// Our own Sở letter: duties under "a) Đối với Phòng GDĐT:" and "b) Đối với các trường THPT:", the Phòng in
// khối numbered 1–2 and the THPT schools in khối I–II, and an appendix that gives each khối its day.
const plan = [
  "UBND TỈNH NAM LÂM\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  "SỞ GIÁO DỤC VÀ ĐÀO TẠO\tĐộc lập - Tự do - Hạnh phúc",
  "",
  "Số: 900/SGDĐT-TCCB\tNam Lâm, ngày 10 tháng 9 năm 2025",
  'V/v xét tặng danh hiệu "Giáo viên mẫu mực tỉnh Nam Lâm" năm học 2025 - 2026',
  "",
  "I. THỜI HẠN",
  "",
  "a) Đối với Phòng GDĐT:",
  "",
  "- Gửi danh sách đề nghị của huyện về Sở chậm nhất ngày 19/12/2025.",
  "",
  "b) Đối với các trường THPT:",
  "",
  "- Gửi danh sách đề nghị của trường về Sở chậm nhất ngày 12/12/2025.",
  "",
  'Hồ sơ giấy danh hiệu "Giáo viên mẫu mực tỉnh Nam Lâm" nộp trực tiếp theo lịch tại Phụ lục.',
  "",
  "II. KHỐI THI ĐUA",
  "",
  "Khối 1 gồm các Phòng GDĐT: huyện Đông Lâm, huyện Tây Lâm; khối trưởng: Phòng GDĐT huyện Đông Lâm.",
  "",
  "Khối 2 gồm các Phòng GDĐT: huyện Bắc Lâm, huyện Hạ Lâm; khối trưởng: Phòng GDĐT huyện Hạ Lâm.",
  "",
  "Khối I gồm các trường: THPT Chu Văn An, THPT Lý Thường Kiệt; khối trưởng: Trường THPT Chu Văn An.",
  "",
  "Khối II gồm các trường THPT công lập: THPT Ngô Quyền, THPT Trần Quốc Tuấn, THPT Hạ Lâm; khối trưởng: Trường THPT Ngô Quyền.",
  "",
  "**Phụ lục**",
  "",
  "**LỊCH TIẾP NHẬN HỒ SƠ GIẤY**",
  "",
  '**DANH HIỆU "GIÁO VIÊN MẪU MỰC TỈNH NAM LÂM"**',
  "",
  "| Ngày | Buổi | Đơn vị nộp | Địa điểm |",
  "| Thứ Hai, 12/01/2026 | Sáng | Các Phòng GDĐT thuộc Khối 1 | Phòng 101 |",
  "|  | Chiều | Các Phòng GDĐT thuộc Khối 2 | Phòng 101 |",
  "| Thứ Tư, 14/01/2026 | Sáng | Các trường THPT thuộc Khối I | Hội trường B |",
  "| Thứ Năm, 15/01/2026 | Chiều | Các trường THPT thuộc Khối II | Hội trường B |",
].join("\n");

const units = [
  { code: "SO", name: "Sở GDĐT Nam Lâm", kind: "truc_thuoc", role: "officer" },
  { code: "TQT", name: "Trường THPT Trần Quốc Tuấn", kind: "thpt", parent: "SO" },
  { code: "TL", name: "Phòng GDĐT huyện Tây Lâm", kind: "phong", parent: "SO" },
] as const;

describe("answers from a letter that gives each khối its day", () => {
  const fixture = useTestDatabase("pglite");

  it("shows a school the day of its own khối and the deadline of its own kind of unit", async () => {
    const ask = await askAsSeated(fixture.database, plan, { today: "2026-01-12", units });
    const week = await ask("TQT", "trong tuan nay truong minh phai hoan thanh viec j");
    expect(week).toContain("15/01/2026");
    expect(week).toContain("Hội trường B");
    expect(week).not.toContain("14/01/2026");
    expect(week).not.toContain("Phòng 101");
    const list = await ask("TQT", "truong minh gui danh sach de nghi ve So cham nhat la khi nao");
    expect(list).toContain("12/12/2025");
    expect(list).not.toContain("19/12/2025");
  });

  it("tells which khối a Phòng is in, not the khối of a school that shares its district's name", async () => {
    const ask = await askAsSeated(fixture.database, plan, { today: "2026-01-05", units });
    const group = await ask("SO", "phong gd huyen ha lam nam o khoi nao vay");
    expect(group).toContain("Khối 2");
    expect(group).not.toContain("Khối II");
  });

  it("shows a Phòng the session of its own khối", async () => {
    const ask = await askAsSeated(fixture.database, plan, { today: "2026-01-05", units });
    const paper = await ask("TL", "Hồ sơ giấy giáo viên mẫu mực, phòng mình mang lên Sở buổi nào ạ?");
    expect(paper).toContain("12/01/2026");
    expect(paper).toContain("Sáng");
    expect(paper).not.toContain("Chiều");
    expect(paper).not.toContain("15/01/2026");
  });
});
