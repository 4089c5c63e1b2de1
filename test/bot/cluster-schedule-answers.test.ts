import { describe, expect, it } from "vitest";
import { askAsSeated } from "../support/ask-as-seated.js";
import { clusterPlanOpening } from "../support/cluster-plan.js";
import { useTestDatabase } from "../support/engines.js";

// A Phòng's plan of our own that gives each cụm its own day to hand in and its own mailbox.
const plan = [
  ...clusterPlanOpening("BẾN CẢNG"),
  "II. LỊCH TIẾP NHẬN HỒ SƠ THEO CỤM",
  "",
  "| Cụm | Ngày tiếp nhận | Buổi | Phòng |",
  "| Cụm 1 | Thứ Hai, 17/5/2027 | Sáng | Phòng 201 |",
  "| Cụm 2 | Thứ Ba, 18/5/2027 | Chiều | Phòng 202 |",
  "",
  "III. HÌNH THỨC NỘP",
  "",
  "Bản mềm gửi về hộp thư của cụm:",
  "",
  "- Cụm 1: cum1.thidua@bencang.edu.vn",
  "",
  "- Cụm 2: cum2.thidua@bencang.edu.vn",
].join("\n");

const units = [
  { code: "PGD", name: "Phòng GD quận Bến Cảng", kind: "phong", role: "officer" },
  { code: "SC", name: "Trường Mầm non Sơn Ca", kind: "mam_non", parent: "PGD" },
  { code: "VA", name: "Trường Mầm non Vàng Anh", kind: "mam_non", parent: "PGD" },
  { code: "KD", name: "Trường Tiểu học Kim Đồng", kind: "tieu_hoc", parent: "PGD" },
] as const;

describe("a schedule and mailboxes by cụm", () => {
  const fixture = useTestDatabase("pglite");

  it("shows a focal person their own cụm's day and mailbox, not another cụm's", async () => {
    const ask = await askAsSeated(fixture.database, plan, { today: "2027-05-12", units });
    const week = await ask("SC", "lịch tuần sau của trường em thế nào, có phải mang gì lên phòng ko");
    expect(week).toContain("17/05/2027");
    expect(week).toContain("Phòng 201");
    expect(week).not.toContain("18/05/2027");
    // Where and when the papers go: the cụm's room and session, with its day.
    const room = await ask("SC", "bản giấy bên em mang tới phòng nào, buổi nào ạ");
    expect(room).toContain("Phòng 201");
    expect(room).toContain("17/05/2027");
    const mail = await ask("KD", "bản mềm bên em gửi hộp thư nào vậy");
    expect(mail).toContain("cum2.thidua@bencang.edu.vn");
    expect(mail).not.toContain("cum1.thidua@bencang.edu.vn");
  });

  it("counts for a cụm's day only the units of that cụm", async () => {
    const ask = await askAsSeated(fixture.database, plan, { today: "2027-05-18", units });
    const answer = await ask("PGD", "đơn vị nào chưa nộp hồ sơ buổi chiều 18/5 ở phòng 202");
    expect(answer).toContain("Trường Tiểu học Kim Đồng");
    expect(answer).not.toContain("Sơn Ca");
    expect(answer).toMatch(/chưa có trong danh sách đơn vị[\s\S]*Trường Tiểu học Phù Đổng/u);
  });

  it("takes uploading a score sheet for a step to hand in, and a step stated twice on the same day for one", async () => {
    const twice = plan.replace(
      "III. HÌNH THỨC NỘP",
      [
        "Các cụm trưởng tải bảng tổng hợp điểm chấm chéo lên thư mục chung chậm nhất ngày 14/5/2027.",
        "",
        "Các trường tư thục gửi giấy xác nhận đã đóng bảo hiểm xã hội về Phòng trước ngày 30/4/2027.",
        "",
        "Lưu ý: giấy xác nhận đóng bảo hiểm xã hội của trường tư thục gửi về Phòng trước ngày 30/4/2027.",
        "",
        "III. HÌNH THỨC NỘP",
      ].join("\n"),
    );
    const ask = await askAsSeated(fixture.database, twice, { today: "2027-05-15", units });
    const sheet = await ask("PGD", "bảng tổng hợp điểm chấm chéo: đơn vị nào vẫn chưa tải lên?");
    expect(sheet).toContain("Chưa nộp");
    expect(sheet).toContain("Trường Mầm non Họa Mi");
    const insurance = await ask("PGD", "truong nao chua gui giay xac nhan dong bao hiem xa hoi");
    expect(insurance).toContain("Chưa nộp");
    expect(insurance).not.toMatch(/\[1\]/u);
  });
});
