import { describe, expect, it } from "vitest";
import { askAsSeated } from "../support/ask-as-seated.js";
import { useTestDatabase } from "../support/engines.js";

// Our own Sở letter on a contest of home-made teaching equipment: steps as "Mốc N", a cut-off for the
// figures, an e-mail whose subject codes are explained after the rule, cụm in prose with a deputy.
const plan = [
  "UBND TỈNH BẮC TRÀ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  "SỞ GIÁO DỤC VÀ ĐÀO TẠO\tĐộc lập - Tự do - Hạnh phúc",
  "",
  "Số: 905/SGDĐT-GDTrH\tBắc Trà, ngày 12 tháng 01 năm 2026",
  "V/v tổ chức Hội thi thiết bị dạy học tự làm cấp tỉnh năm học 2025 - 2026",
  "",
  "Kính gửi: Hiệu trưởng các trường trung học phổ thông.",
  "",
  "1. Báo cáo số liệu",
  "",
  "Số liệu thống kê thiết bị tự làm của đơn vị tính đến ngày 31/12/2025.",
  "",
  "2. Lịch tổ chức",
  "",
  "Mốc 1. Các trường gửi danh sách thiết bị dự thi chậm nhất ngày 06/02/2026.",
  "",
  "Mốc 2. Sở công bố danh sách thiết bị vào vòng chung khảo ngày 02/3/2026.",
  "",
  "Mốc 3. Các trường có thiết bị vào vòng chung khảo mang thiết bị đến trưng bày chậm nhất ngày 06/3/2026.",
  "",
  "Mốc 4. Chấm vòng chung khảo tại Trường THPT Bắc Trà: từ ngày 09/3/2026 đến hết ngày 13/3/2026.",
  "",
  "3. Gửi hồ sơ",
  "",
  "- Bản scan gửi về hộp thư thietbi@bactra.edu.vn; tiêu đề thư ghi theo cấu trúc: [Mã] - Tên trường; trong đó mã là DSTB đối với danh sách thiết bị và TMTB đối với bản thuyết minh.",
  "",
  "4. Các cụm thi đua",
  "",
  "Cụm thi đua số 2 gồm 03 đơn vị: Trường THPT Sông Lô, Trường THPT Ngọc Tảo và Trường THPT Tam Sơn; Cụm trưởng là Trường THPT Ngọc Tảo, Cụm phó là Trường THPT Tam Sơn.",
  "",
  "5. Các khối thi đua",
  "",
  "| Khối | Đơn vị thành viên | Khối trưởng | Khối phó |",
  "|---|---|---|---|",
  "| Khối II | Trường THPT Lập Thạch; Trường THPT Bình Sơn | Trường THPT Lập Thạch | Trường THPT Bình Sơn |",
  "| Khối III | Trường THPT Văn Quán; Trường THPT Đồng Đậu | Trường THPT Văn Quán | Trường THPT Đồng Đậu |",
  "| Khối VI | Trường THPT Tây Thiên; Trường THPT Đại Đình | Trường THPT Tây Thiên | Trường THPT Đại Đình |",
  "| Khối VII | Trung tâm GDTX tỉnh; Trung tâm GDNN-GDTX Bình Xuyên | Trung tâm GDTX tỉnh | Trung tâm GDNN-GDTX Bình Xuyên |",
].join("\n");

const units = [
  { code: "SO", name: "Sở GDĐT Bắc Trà", kind: "truc_thuoc", role: "officer" },
  { code: "SL", name: "Trường THPT Sông Lô", kind: "thpt", parent: "SO" },
] as const;

describe("answers from a Sở's letter on a teaching-equipment contest", () => {
  const fixture = useTestDatabase("pglite");

  it("answers 'as of which date' from the plan's cut-off, not with a step's deadline", async () => {
    const ask = await askAsSeated(fixture.database, plan, { today: "2026-01-20", units });
    const cutOff = await ask("SL", "so lieu thong ke thiet bi cua truong lay den ngay nao vay");
    expect(cutOff).toContain("31/12/2025");
    expect(cutOff).not.toContain("06/02/2026");
  });

  it("puts the step that lasts some days first when asked from which day to which", async () => {
    const ask = await askAsSeated(fixture.database, plan, { today: "2026-02-20", units });
    const window = await ask("SO", "chung khao tu ngay nao toi ngay nao");
    expect(window).toContain("09/03/2026 – 13/03/2026");
    const first = window.indexOf("13/03/2026");
    expect(first).toBeGreaterThan(0);
    for (const other of ["02/03/2026", "06/03/2026"])
      if (window.includes(other)) expect(window.indexOf(other)).toBeGreaterThan(first);
  });

  it("gives the codes an e-mail's subject rule explains", async () => {
    const ask = await askAsSeated(fixture.database, plan, { today: "2026-02-02", units });
    const subject = await ask("SL", "mail danh sách thiết bị đặt subject thế nào");
    expect(subject).toContain("thietbi@bactra.edu.vn");
    expect(subject).toContain("DSTB");
  });

  it("answers the khối of a number written in Roman numerals, and that khối alone", async () => {
    const ask = await askAsSeated(fixture.database, plan, { today: "2026-02-02", units });
    const leader = await ask("SO", "đơn vị nào làm khối trưởng khối VII");
    expect(leader).toContain("Trung tâm GDTX tỉnh");
    for (const other of ["Lập Thạch", "Văn Quán", "Tây Thiên"]) expect(leader).not.toContain(other);
  });

  it("names a cụm's deputy and finds a school's cụm among its counted units", async () => {
    const ask = await askAsSeated(fixture.database, plan, { today: "2026-02-02", units });
    expect(await ask("SO", "ai lam pho cum 2 vay")).toContain("Tam Sơn");
    expect(
      await ask("SL", "trường mình sinh hoạt chung với những trường nào, đơn vị nào đứng đầu"),
    ).toContain("Ngọc Tảo");
  });
});
