import { describe, expect, it } from "vitest";
import { askAsSeated } from "../support/ask-as-seated.js";
import { useTestDatabase } from "../support/engines.js";
import { stepGuide } from "../support/step-guide.js";

const units = [
  { code: "SO", name: "Sở GDĐT Long Sơn", kind: "so", role: "officer" },
  { code: "LH", name: "Trường THPT Lạc Hồng", kind: "thpt", parent: "SO" },
  { code: "BD", name: "Trường THPT Bến Đá", kind: "thpt", parent: "SO" },
  { code: "TT", name: "Trung tâm GDNN-GDTX huyện Lộc Ninh", kind: "truc_thuoc", parent: "SO" },
  { code: "HQ", name: "Phòng GDĐT huyện Hớn Quản", kind: "phong", parent: "SO" },
] as const;

describe("answers from a guide written in steps", () => {
  const fixture = useTestDatabase("pglite");

  it("gives a focal person first the officer whose duty names their own khối", async () => {
    const ask = await askAsSeated(fixture.database, stepGuide, { today: "2026-10-05", units });
    // A GDNN-GDTX centre kept as a unit under the Sở is known by the kind its name says.
    const centre = await ask("TT", "ho so ben em thi chuyen vien nao nhan a");
    expect(centre).toMatch(/Lý Văn Khoa[\s\S]*0913 000 222/u);
    expect(centre.indexOf("Lý Văn Khoa")).toBeLessThan(centre.indexOf("Đỗ Thị Hạnh") >>> 0);
    const school = await ask("LH", "Which officer at the Sở should our school call about our papers?");
    expect(school.indexOf("Đỗ Thị Hạnh")).toBeGreaterThanOrEqual(0);
    expect(school.indexOf("Đỗ Thị Hạnh")).toBeLessThan(school.indexOf("Lý Văn Khoa") >>> 0);
  });

  it("quotes what the mailbox takes and what the post counts as, beside where to send", async () => {
    const ask = await askAsSeated(fixture.database, stepGuide, { today: "2026-10-05", units });
    const mail = await ask("BD", "gửi tờ trình qua email cho Sở có được không ạ");
    expect(mail).toContain("không gửi bản scan, tờ trình qua thư điện tử");
    const post = await ask("BD", "hồ sơ giấy gửi bưu điện về sở được không ạ, tính ngày gửi hay ngày nhận");
    expect(post).toContain("gửi qua đường bưu điện hoặc nộp trực tiếp tại Phòng 105");
    expect(post).toContain("không tính theo dấu bưu điện");
  });

  it("answers a named officer's e-mail asked as where to send as a contact", async () => {
    const ask = await askAsSeated(fixture.database, stepGuide, { today: "2026-10-05", units });
    const email = await ask.understood("BD", "cho em xin email chị Hạnh ở văn phòng sở để gửi");
    expect(email.intent).toBe("contact");
    expect(email.text).toContain("dthanh@longson.example.vn");
  });

  it("gives with a step counted back from an event the event's own day", async () => {
    const ask = await askAsSeated(fixture.database, stepGuide, { today: "2027-05-20", units });
    const answer = await ask("SO", "khi nào Sở báo kết quả cho các đơn vị vậy");
    expect(answer).toMatch(
      /05\/06\/2027: Sở thông báo kết quả[\s\S]*10\/06\/2027: Lễ tổng kết năm học \(dự kiến\)/u,
    );
  });

  it("counts for a khối the step its units owe when two steps share a name", async () => {
    const ask = await askAsSeated(fixture.database, stepGuide, { today: "2026-10-13", units });
    const missing = await ask("SO", "khối 1 còn thiếu đăng ký thi đua của những trường nào");
    expect(missing).toContain("12/10/2026");
    expect(missing).toContain("Trường THPT Bến Đá");
    expect(missing).not.toContain("19/10/2026");
  });

  it("gives the whole list to 'còn thiếu gì', and cites a step by its own name", async () => {
    const ask = await askAsSeated(fixture.database, stepGuide, { today: "2027-05-24", units });
    const owed = await ask("HQ", "hồ sơ khen thưởng của phòng mình còn thiếu gì chưa gửi Sở không ạ");
    for (const day of ["19/10/2026", "17/12/2026", "27/05/2027"]) expect(owed).toContain(day);
    expect(owed).toContain("Bước 3");
    expect(owed).not.toContain("mục Bước");
  });
});
