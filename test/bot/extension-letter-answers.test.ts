import { describe, expect, it } from "vitest";
import { askAsSeated } from "../support/ask-as-seated.js";
import { decisionWithRules } from "../support/campaign-school-plan.js";
import { useTestDatabase } from "../support/engines.js";
import { extensionLetterPlan } from "../support/extension-letter-plan.js";

const units = [
  { code: "SGD", name: "Sở GDĐT tỉnh Hà Lam", kind: "so", role: "officer" },
  { code: "SL", name: "Trường THPT Sông Lam", kind: "thpt", parent: "SGD" },
  { code: "BD", name: "Trường THPT Bạch Đằng", kind: "thpt", parent: "SGD" },
] as const;

describe("answers from a letter that extends deadlines", () => {
  const fixture = useTestDatabase("pglite");

  it("shows an exception only to the units it names by name", async () => {
    const ask = await askAsSeated(fixture.database, extensionLetterPlan, { today: "2027-06-07", units });
    const question = "trường mình còn những hạn nào rơi vào tuần tới";
    expect(await ask("SL", question)).toContain("được gửi bản giấy");
    const other = await ask("BD", question);
    expect(other).not.toContain("được gửi bản giấy");
    expect(other).toContain("18/06/2027");
  });

  it("answers what falls due in a period it names, however faint the reading", async () => {
    const ask = await askAsSeated(fixture.database, extensionLetterPlan, { today: "2027-05-20", units });
    // Two questions in one message: the model reads neither clearly, the month is plain.
    expect(await ask("SGD", "tháng sau còn những gì, bộ phận nào nhận hồ sơ giấy vậy")).toContain(
      "18/06/2027",
    );
  });

  it("finds an officer by the title the question names", async () => {
    const ask = await askAsSeated(fixture.database, extensionLetterPlan, { today: "2027-06-10", units });
    const answer = await ask("BD", "cho tôi xin số máy của người làm thư ký Hội đồng");
    expect(answer).toContain("0915 111 222");
    expect(answer).not.toContain("0912 300 400");
  });

  it("quotes a rule's dates as dd/mm/yyyy", async () => {
    const ask = await askAsSeated(fixture.database, extensionLetterPlan, { today: "2027-06-10", units });
    expect(await ask("SGD", "thành tích tính đến hết ngày nào thì chốt")).toContain("31/05/2027");
  });

  it("answers whether a way of sending is allowed with the plan's channels, though it names a person", async () => {
    const ask = await askAsSeated(fixture.database, extensionLetterPlan, { today: "2027-06-10", units });
    const answer = await ask("BD", "nộp hồ sơ cho cô Sen qua email có được không");
    expect(answer).toContain("Nơi gửi:");
    expect(answer).not.toContain("0915 111 222");
  });

  it("gives the hotline's number when asked for it", async () => {
    const ask = await askAsSeated(fixture.database, extensionLetterPlan, { today: "2027-06-10", units });
    expect(await ask("BD", "cho mình xin số hotline phòng thi đua")).toContain("0912 700 800");
  });
});

describe("answers from a Quy chế", () => {
  const fixture = useTestDatabase("pglite");
  const schools = [
    { code: "PGD", name: "Phòng GDĐT huyện Lâm Thủy", kind: "phong", role: "officer" },
    { code: "HT", name: "Trường Tiểu học Hòa Tiến", kind: "tieu_hoc", parent: "PGD" },
  ] as const;

  it("quotes a rule with all its lettered cases, not the one case that shares most words", async () => {
    const ask = await askAsSeated(fixture.database, decisionWithRules, {
      today: "2026-10-01",
      units: schools,
    });
    const answer = await ask("PGD", "nếu hai trường có tổng điểm như nhau thì xét ưu tiên trường nào trước");
    expect(answer).toContain("điểm chuyên môn cao hơn");
    expect(answer).toContain("bỏ phiếu kín");
  });

  it("answers what a rule does in a case from the article a note points to", async () => {
    const ask = await askAsSeated(fixture.database, decisionWithRules, {
      today: "2026-10-01",
      units: schools,
    });
    const answer = await ask("HT", "nếu trường mình gửi muộn thì bị xử lý ra sao ạ");
    expect(answer).toContain("trừ 03 điểm");
    // A case without "nếu": what the rule does to the one who is late.
    expect(await ask("HT", "trường gửi muộn 1 tuần thì bị gì")).toContain("trừ 03 điểm");
  });
});
