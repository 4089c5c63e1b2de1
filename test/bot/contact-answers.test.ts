import { describe, expect, it } from "vitest";
import { askOwnPlan } from "../support/ask-own-plan.js";
import { engines, useTestDatabase } from "../support/engines.js";

// Notices of our own: one lists its officers, the other names only an office and an address.
const withOfficers = [
  "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN YÊN MÔ",
  "HƯỚNG DẪN",
  "Về công tác thi đua, khen thưởng năm học 2024-2025",
  "1. Hồ sơ gửi về hộp thư điện tử: pvhoang.pgd@yenmo.edu.vn hoặc thiduakhenthuong@yenmo.edu.vn trước ngày 15/5/2025.",
  "2. Đầu mối liên hệ:",
  "- Ông Phạm Văn Hoàng, Chuyên viên, phụ trách chung về công tác thi đua, khen thưởng.",
  "- Bà Đinh Thị Huyền, Chuyên viên phụ trách thi đua, khen thưởng cấp mầm non.",
].join("\n\n");
const withoutOfficers = [
  "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH NINH BÌNH",
  "KẾ HOẠCH",
  "Tổ chức phong trào thi đua Dạy tốt - Học tốt năm học 2024-2025",
  "1. Các đơn vị gửi báo cáo sơ kết về Sở qua địa chỉ email ngohuyen_sgd@ninhbinh.gov.vn trước ngày 10/01/2025.",
  "2. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các đơn vị phản ánh về Phòng Tổ chức cán bộ của Sở để được hướng dẫn.",
].join("\n\n");

describe.each(engines)("who to ask, and their e-mail (%s)", (engine) => {
  const t = useTestDatabase(engine);
  const ask = async (plan: string, text: string) =>
    (
      await askOwnPlan(t.database, plan, {
        today: "2025-01-06",
        viewer: { role: "focal", unitKind: "phong" },
      })
    )(text);

  it("finds the officer a person is named by, with the e-mail built on their name", async () => {
    const answer = await ask(withOfficers, "cho em xin địa chỉ mail của anh Hoàng với ạ");
    expect(answer.intent).toBe("contact");
    expect(answer.text).toContain("Phạm Văn Hoàng");
    expect(answer.text).toContain("pvhoang.pgd@yenmo.edu.vn");
    expect(answer.text).not.toContain("Đinh Thị Huyền");
  });

  it("gives the e-mail of someone the plan names only in an address", async () => {
    const answer = await ask(withoutOfficers, "chi Huyen ben So co email ko a");
    expect(answer.text).toContain("ngohuyen_sgd@ninhbinh.gov.vn");
  });

  it("quotes the plan's words on whom to turn to when it lists no officers", async () => {
    const answer = await ask(withoutOfficers, "vướng mắc thì liên hệ bộ phận nào của Sở vậy");
    expect(answer.intent).toBe("contact");
    expect(answer.text).toContain("Phòng Tổ chức cán bộ");
  });
});
