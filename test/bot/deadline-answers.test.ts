import { describe, expect, it } from "vitest";
import { createUnit } from "../../src/core/index.js";
import { askAsSeated } from "../support/ask-as-seated.js";
import { askOwnPlan } from "../support/ask-own-plan.js";
import { engines, useTestDatabase } from "../support/engines.js";

// A plan of our own with dated steps, a span counted in working days from an event and a step with no date.
const plan = [
  "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH NINH BÌNH",
  "HƯỚNG DẪN",
  "Xét khen thưởng tổng kết năm học 2025-2026",
  "1. Các đơn vị gửi hồ sơ đề nghị khen thưởng về Sở chậm nhất ngày 05/6/2026.",
  "2. Hội đồng Thi đua - Khen thưởng Sở họp xét ngày 20/6/2026.",
  "3. Đơn vị nhận được thông báo bổ sung hồ sơ gửi phần bổ sung về Sở trong thời hạn 03 ngày làm việc kể từ ngày nhận thông báo.",
  "4. Sau Hội nghị tổng kết, Sở tổ chức tọa đàm lan tỏa mô hình trường học hạnh phúc; thời gian cụ thể sẽ thông báo sau.",
].join("\n\n");

describe.each(engines)("the deadline of a task (%s)", (engine) => {
  const t = useTestDatabase(engine);
  const ask = async (text: string) =>
    (await askOwnPlan(t.database, plan, { today: "2026-06-01", viewer: { role: "officer" } }))(text);

  it("quotes a span the plan counts in days, not a dated step, when asked how many days", async () => {
    const answer = await ask("thời hạn gửi phần bổ sung là mấy ngày");
    expect(answer.intent).toBe("deadline_of");
    expect(answer.text).toContain("03 ngày làm việc");
    // Asked the date of a step, the step's date.
    expect((await ask("hạn gửi hồ sơ đề nghị khen thưởng về Sở là ngày nào")).text).toContain("05/06/2026");
  });

  it("answers when a step timed by an event falls with that event's words", async () => {
    // A dated step names the same papers, so the words asked are not the undated step's alone.
    const withAwards = [
      plan,
      "5. Sau Lễ tổng kết, các đơn vị nhận quyết định khen thưởng tại Văn phòng Sở.",
      "6. Văn phòng Sở gửi dự thảo quyết định khen thưởng để các đơn vị rà soát trước ngày 25/6/2026.",
    ].join("\n\n");
    const ask = await askOwnPlan(t.database, withAwards, {
      today: "2026-06-01",
      viewer: { role: "officer" },
    });
    for (const question of [
      "bao giờ bên em lên nhận quyết định khen thưởng được ạ",
      "khi nao don vi nhan qd khen thuong",
    ]) {
      const answer = await ask(question);
      expect(answer.intent).toBe("deadline_of");
      expect(answer.text).toContain("Sau Lễ tổng kết");
      expect(answer.text).not.toContain("05/06/2026");
    }
    expect((await ask("du thao quyet dinh khen thuong gui truoc ngay nao")).text).toContain("24/06/2026");
  });

  it("quotes the plan's words for a step it names without a date", async () => {
    const answer = await ask("toa dam lan toa mo hinh truong hoc hanh phuc to chuc khi nao vay");
    expect(answer.intent).toBe("deadline_of");
    expect(answer.text).toContain("Sau Hội nghị tổng kết");
  });
});

describe.each(engines)("a step of the cụm leaders (%s)", (engine) => {
  const t = useTestDatabase(engine);

  it("is shown to the school that leads a cụm, not to the others", async () => {
    const plan = [
      "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN PHÚ LƯƠNG",
      "KẾ HOẠCH",
      "Tổng kết thi đua năm học 2025-2026",
      "1. Cụm thi đua",
      "- Cụm 1 (cụm trưởng: Trường THCS Động Đạt): Trường THCS Động Đạt, Trường THCS Yên Đổ.",
      "2. Tiến độ",
      "- Trường cụm trưởng gửi biên bản họp cụm về Phòng chậm nhất ngày 20/5/2026.",
      "- Các trường gửi báo cáo tổng kết về Phòng chậm nhất ngày 22/5/2026.",
    ].join("\n\n");
    const ask = await askAsSeated(t.database, plan, {
      today: "2026-05-18",
      units: [
        { code: "DD", name: "Trường THCS Động Đạt", kind: "thcs" },
        { code: "YD", name: "Trường THCS Yên Đổ", kind: "thcs" },
      ],
    });
    const leader = await ask("DD", "tuần này trường mình cần xong việc gì");
    expect(leader).toContain("20/05/2026");
    expect(leader).toContain("22/05/2026");
    const member = await ask("YD", "tuần này trường mình cần xong việc gì");
    expect(member).not.toContain("20/05/2026");
    expect(member).toContain("22/05/2026");
    // Nor is the leaders' step among what a member school still owes.
    const owed = await ask("YD", "đơn vị tôi còn nợ giấy tờ gì không");
    expect(owed).toContain("22/05/2026");
    expect(owed).not.toContain("20/05/2026");
    expect(await ask("DD", "đơn vị tôi còn nợ giấy tờ gì không")).toContain("20/05/2026");
  });
});

describe.each(engines)("a school's own status asked in general words (%s)", (engine) => {
  const t = useTestDatabase(engine);

  it("lists every item the school owes when the question names none, though it says 'hồ sơ'", async () => {
    const plan = [
      "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN PHÚ LƯƠNG",
      "KẾ HOẠCH",
      "Thi đua năm học 2025-2026",
      "1. Các trường gửi báo cáo sơ kết học kỳ I về Phòng chậm nhất ngày 12/01/2026.",
      "2. Các trường nộp hồ sơ đề nghị khen thưởng về Phòng chậm nhất ngày 25/5/2026.",
    ].join("\n\n");
    const ask = await askAsSeated(t.database, plan, {
      today: "2026-03-02",
      units: [{ code: "YD", name: "Trường THCS Yên Đổ", kind: "thcs" }],
    });
    const status = await ask("YD", "giờ tình trạng hồ sơ bên trường tôi ra sao");
    expect(status).toContain("12/01/2026");
    expect(status).toContain("25/05/2026");
    // Naming an item still narrows to it.
    expect(await ask("YD", "báo cáo sơ kết học kỳ I bên tôi gửi chưa nhỉ")).not.toContain("25/05/2026");
  });
});

describe.each(engines)("units of one cụm that have not handed in (%s)", (engine) => {
  const t = useTestDatabase(engine);

  it("lists only the members of the cụm the officer names by number", async () => {
    const plan = [
      "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN PHÚ LƯƠNG",
      "KẾ HOẠCH",
      "Thi đua năm học 2025-2026",
      "1. Cụm thi đua",
      "- Cụm 1 (cụm trưởng: Trường THCS Động Đạt): Trường THCS Động Đạt, Trường THCS Yên Đổ.",
      "- Cụm 2 (cụm trưởng: Trường THCS Yên Lạc): Trường THCS Yên Lạc, Trường THCS Ôn Lương.",
      "2. Các trường gửi báo cáo sơ kết học kỳ I về Phòng chậm nhất ngày 12/01/2026.",
    ].join("\n\n");
    for (const [code, name] of [
      ["DD", "Trường THCS Động Đạt"],
      ["YD", "Trường THCS Yên Đổ"],
      ["YL", "Trường THCS Yên Lạc"],
      ["OL", "Trường THCS Ôn Lương"],
    ] as const)
      await createUnit(t.database.db, { code, name, kind: "thcs" });
    const ask = await askOwnPlan(t.database, plan, { today: "2026-01-14", viewer: { role: "officer" } });
    const answer = await ask("trường nào trong cụm 2 chưa có báo cáo sơ kết");
    expect(answer.intent).toBe("missing_units");
    expect(answer.text).toContain("Yên Lạc");
    expect(answer.text).toContain("Ôn Lương");
    expect(answer.text).not.toContain("Động Đạt");
    expect(answer.text).not.toContain("Yên Đổ");
  });
});
