import { describe, expect, it } from "vitest";
import { overrideTaskAudience } from "../../src/core/index.js";
import { usePlansFixture } from "../support/plans-fixture.js";

const plans = ["000_31ba9c53447dfa3c.txt", "003_dc7a978b8978f047.txt"];
const phong = { viewer: { role: "focal" as const, unitKind: "phong" as const } };

describe("before any plan is published", () => {
  const { ask } = usePlansFixture({ plans: [] });

  it("says so", async () => {
    const answer = await ask("Có hạn nộp nào trong tuần tới không?", "2023-05-10");
    expect(answer.text).toContain("Chưa có kế hoạch nào được công bố");
  });
});

describe("an officer's override of who must do a task", () => {
  const fixture = usePlansFixture({ plans, each: true });

  it("is followed at once by the running assistant", async () => {
    const asPhong = () => fixture.ask("thang nay phai gui nhung gi len", "2023-05-10", phong);
    expect((await asPhong()).text).toContain("phụ lục, dòng 16");
    const by = { personId: null, platform: "test" };
    const at = new Date("2023-05-10T05:00:00Z");
    await overrideTaskAudience(fixture.database.db, 1, "16", ["truc_thuoc"], at, by);
    expect((await asPhong()).text).not.toContain("phụ lục, dòng 16");
    await overrideTaskAudience(fixture.database.db, 1, "16", null, at, by);
    expect((await asPhong()).text).toContain("phụ lục, dòng 16");
  });
});

describe("the assistant answers from published plans", () => {
  const { ask } = usePlansFixture({ plans });

  it("lists what is due in a period, grouped by day, with words, who and source", async () => {
    const answer = await ask("Trong tháng này những đầu việc nào tới hạn?", "2023-05-10");
    expect(answer.intent).toBe("due_in_period");
    expect(answer.period).toEqual({ start: "2023-05-01", end: "2023-05-31" });
    expect(answer.text).toContain("Việc đến hạn từ 01/05/2023 đến 31/05/2023");
    expect(answer.text).toContain("29/05/2023 (trước ngày 30/05/2023): Gửi hồ sơ thi đua");
    expect(answer.text).toContain("“Trước ngày 30/5/2023”");
    expect(answer.text).toContain("4582/KH-SGDĐT, phụ lục, dòng 16");
  });

  it("shows a focal person only what their unit must do", async () => {
    const answer = await ask("thang nay phai gui nhung gi len", "2023-05-10", phong);
    expect(answer.text).toContain("29/05/2023");
    expect(answer.text).not.toContain("03/05/2023");
    expect(answer.text).not.toContain("09/05/2023");
  });

  it("quotes the part of a section a question names, cited by its number", async () => {
    const part = await ask("Ở cấp ngành, việc bình xét thi đua cuối năm làm thế nào?", "2024-05-20");
    expect(part.text).toContain("Theo 1382/HD-GDĐT, mục 1.2:\nCấp ngành");
    expect(part.text).toContain("họp rà soát hồ sơ");
    const bullet = await ask("Sinh hoạt khối thi đua lần 2 gồm những nội dung gì?", "2024-05-20");
    expect(bullet.intent).toBe("search");
    expect(bullet.text).toContain("Sinh hoạt khối thi đua lần 2");
    expect(bullet.text).not.toContain("mục -");
  });

  it("names the next deadline when a period holds none", async () => {
    const answer = await ask("trong tuần này có mốc nộp nào ko", "2023-02-22");
    expect(answer.text).toContain("Không có việc nào đến hạn từ 20/02/2023 đến 26/02/2023");
    expect(answer.text).toContain("Việc gần nhất: 27/02/2023");
  });

  it("answers the deadline of a task, a dossier's contents, where to send it and who is in charge", async () => {
    expect(
      (await ask("bên khối thi đua thì hồ sơ gửi chậm nhất hôm nào vậy ạ", "2023-10-20")).text,
    ).toContain("10/11/2023");
    const dossier = await ask("Bộ hồ sơ của khối thi đua gồm các văn bản nào?", "2023-10-20");
    expect(dossier.text).toContain("Bảng ký kết giao ước thi đua");
    expect(dossier.text).toContain("tqcuong.q1@tphcm.gov.vn");
    expect((await ask("Hồ sơ thi đua thì nộp ở chỗ nào?", "2023-10-10")).text).toContain(
      "tqcuong.q1@tphcm.gov.vn",
    );
    expect((await ask("Cán bộ nào lo mảng thi đua tiểu học?", "2023-10-10")).text).toContain(
      "Nguyễn Anh Dũng",
    );
    expect((await ask("Đơn vị đứng đầu khối tiểu học 1 là ai", "2023-10-10")).text).toContain(
      "Đinh Tiên Hoàng",
    );
  });

  it("lists what is overdue, most recent first", async () => {
    const answer = await ask("Liệt kê giúp những đầu việc đã lỡ hạn", "2023-06-01", phong);
    expect(answer.intent).toBe("overdue");
    expect(answer.text.indexOf("29/05/2023")).toBeLessThan(answer.text.indexOf("24/03/2023"));
  });

  it("answers in English when asked in English", async () => {
    const answer = await ask(
      "Which officer handles emulation work for lower secondary schools?",
      "2023-10-10",
      { locale: "en" },
    );
    expect(answer.text).toContain("In charge:");
    expect(answer.text).toContain("Nguyễn Thúy");
  });

  it("offers examples when it does not understand", async () => {
    const answer = await ask("qwzx plokm", "2023-05-10");
    expect(answer.intent).toBe("unknown");
    expect(answer.text).toContain("Xin lỗi, tôi chưa hiểu câu hỏi");
  });
});
