import { describe, expect, it } from "vitest";
import { askAsSeated } from "../support/ask-as-seated.js";
import { useTestDatabase } from "../support/engines.js";

// A Sở's notice of our own whose khối hold Phòng GDĐT as well as schools, whose timeline is a Markdown
// pipe table, and whose khối list names units the organisation's list does not hold.
const plan = [
  "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH NAM SƠN",
  "",
  "Số: 77/TB-SGDĐT",
  "",
  "THÔNG BÁO",
  "",
  "Về việc tổng kết công tác thi đua năm học 2026 – 2027",
  "",
  "I. LỊCH THỰC HIỆN",
  "",
  "| TT | Công việc | Đơn vị thực hiện | Thời hạn |",
  "|---|---|---|---|",
  "| 1 | Nộp hồ sơ suy tôn Cờ thi đua của khối | Khối trưởng các khối thi đua | Chậm nhất ngày 12/5/2027 |",
  "| 2 | Gửi báo cáo tổng kết năm học | Đơn vị trực thuộc; Phòng GDĐT | Trước ngày 20/5/2027 |",
  "| 3 | Cập nhật số liệu khen thưởng vào phần mềm của ngành | Đơn vị trực thuộc | Từ ngày 01/6 đến ngày 10/6/2027 |",
  "| 4 | Gửi danh sách học viên tiêu biểu của trung tâm | Trung tâm GDNN-GDTX | Trước ngày 15/4/2027 |",
  "",
  "II. KHỐI THI ĐUA",
  "",
  "Khối I gồm Trường THPT An Hòa, Trường THPT Bình Minh và Trường THPT Cát Tiên, do Trường THPT An Hòa làm khối trưởng. Khối II gồm Phòng GDĐT huyện Đông Sơn, Phòng GDĐT huyện Tây Sơn và Phòng GDĐT huyện Bắc Sơn; khối trưởng là Phòng GDĐT huyện Tây Sơn.",
].join("\n");

const units = [
  { code: "SO", name: "Sở GD Nam Sơn", kind: "so", role: "officer" },
  { code: "AH", name: "Trường THPT An Hòa", kind: "thpt", parent: "SO" },
  { code: "BM", name: "Trường THPT Bình Minh", kind: "thpt", parent: "SO" },
  { code: "DS", name: "Phòng GDĐT huyện Đông Sơn", kind: "phong", parent: "SO" },
  { code: "TS", name: "Phòng GDĐT huyện Tây Sơn", kind: "phong", parent: "SO" },
] as const;

describe("steps of the khối leaders and the units a Sở's khối hold", () => {
  const fixture = useTestDatabase("pglite");

  it("counts only the leaders the plan names for a leaders' step, a Phòng among them", async () => {
    const ask = await askAsSeated(fixture.database, plan, { today: "2027-05-13", units });
    const answer = await ask("SO", "khối trưởng nào chưa gửi hồ sơ suy tôn lên sở?");
    expect(answer).toContain("Trường THPT An Hòa");
    expect(answer).toContain("Phòng GDĐT huyện Tây Sơn");
    expect(answer).not.toContain("Bình Minh");
    expect(answer).not.toContain("Đông Sơn");
  });

  it("names apart the units the plan's khối hold that the organisation's list lacks", async () => {
    const ask = await askAsSeated(fixture.database, plan, { today: "2027-05-21", units });
    const offices = await ask("SO", "cac phong giao duc huyen, noi nao van thieu bao cao tong ket?");
    expect(offices).toContain("Phòng GDĐT huyện Đông Sơn");
    expect(offices).toMatch(/chưa có trong danh sách đơn vị[\s\S]*Phòng GDĐT huyện Bắc Sơn/u);
    expect(offices).not.toContain("Cát Tiên");
    // "Khối I" by its Roman numeral; its leader written "Trường THPT An Hòa" and a member "THPT …" are one school.
    const khoi = await ask("SO", "List the khoi I members yet to file the annual summary report");
    expect(khoi).toContain("Trường THPT Bình Minh");
    expect(khoi).toMatch(/chưa có trong danh sách đơn vị[\s\S]*Trường THPT Cát Tiên/u);
    expect(khoi).not.toContain("Phòng GDĐT");
  });

  it("shows a Phòng the leaders' step only when it leads a khối, and lists every item when asked what is left", async () => {
    const ask = await askAsSeated(fixture.database, plan, { today: "2027-05-06", units });
    const leader = await ask("TS", "phòng mình còn thiếu những mục nào chưa gửi");
    expect(leader).toContain("12/05/2027");
    expect(leader).toContain("19/05/2027");
    const member = await ask("DS", "phòng mình còn thiếu những mục nào chưa gửi");
    expect(member).toContain("19/05/2027");
    expect(member).not.toContain("12/05/2027");
    // Naming the leaders' step among the rest still asks for the whole list.
    const school = await ask("AH", "trường em còn thiếu những mục nào? tính luôn hồ sơ suy tôn cờ");
    for (const day of ["12/05/2027", "19/05/2027", "10/06/2027"]) expect(school).toContain(day);
  });

  it("reads a centre's own kind as who asks, and entering data in the software as something to hand in", async () => {
    const ask = await askAsSeated(fixture.database, plan, {
      today: "2027-06-02",
      units: [
        ...units,
        { code: "TT", name: "Trung tâm GDNN-GDTX huyện Đông Sơn", kind: "truc_thuoc", parent: "SO" },
      ],
    });
    const answer = await ask("TT", "tinh hinh nop cua trung tam minh ra sao roi");
    // "trung tâm" says who asks, though an item's name holds it too.
    for (const day of ["14/04/2027", "19/05/2027", "10/06/2027"]) expect(answer).toContain(day);
  });
});
