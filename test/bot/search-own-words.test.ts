import { describe, expect, it } from "vitest";
import { createMessageReader } from "../../src/bot/understanding/read-message.js";
import { createSchoolCalendar } from "../../src/core/index.js";
import { askOwnPlan } from "../support/ask-own-plan.js";
import { engines, useTestDatabase } from "../support/engines.js";

// A school's plan of our own, issued in Kim Sơn: one bullet repeats the district's name, another
// answers the question.
const plan = [
  "UBND HUYỆN KIM SƠN",
  "TRƯỜNG THCS KIM ĐÔNG",
  "Số: 12/KH-THCS",
  "Kim Sơn, ngày 10 tháng 3 năm 2025",
  "KẾ HOẠCH",
  "Công tác thi đua, khen thưởng năm 2025",
  "1. Các phong trào thi đua",
  "- Phong trào thi đua thực hiện chủ điểm năm 2025 của huyện “Năm kỷ cương, văn minh và số hóa”.",
  "- Phong trào thi đua “Giáo viên giỏi” năm 2025 của huyện Kim Sơn.",
  "- Hưởng ứng các chủ điểm thi đua theo từng tháng, từng đợt của nhà trường.",
  "- Phong trào “Cải cách hành chính”: giữ chỉ số hài lòng của phụ huynh đối với dịch vụ của nhà trường trên 90%.",
].join("\n\n");

describe.each(engines)("searching the plan in its own words (%s)", (engine) => {
  const t = useTestDatabase(engine);
  const ask = async (text: string) =>
    (await (await askOwnPlan(t.database, plan, { today: "2025-03-20", viewer: { role: "officer" } }))(text))
      .text;

  it("does not take the passage that repeats the plan's own place for the one asked about", async () => {
    const text = await ask("chu diem nam 2025 cua huyen kim son la gi vay");
    expect(text).toContain("số hóa");
    expect(text).not.toContain("Giáo viên giỏi");
  });

  it("answers from the plan's text a question the model takes for off-topic, when a passage holds it", async () => {
    const question = "chi so hai long phu huynh phai tren bao nhieu";
    // The case itself: the model is sure this is not about the plans.
    const reading = createMessageReader({ calendar: createSchoolCalendar(), cacheDir: null }).read(
      question,
      "2025-03-20",
    );
    expect([reading.intent, reading.confident]).toEqual(["unknown", true]);
    expect(await ask(question)).toContain("trên 90%");
    // Off-topic with no passage that holds it is still told what the assistant does.
    expect(await ask("gia vang hom nay bao nhieu")).toContain("chưa giúp được việc này");
  });

  it("sets aside the area in the issuer's name when no place line says it", async () => {
    // No "…, ngày …" line: the area is known only from "Sở Giáo dục và Đào tạo Lâm Đồng".
    const rules = [
      "SỞ GIÁO DỤC VÀ ĐÀO TẠO LÂM ĐỒNG",
      "KẾ HOẠCH",
      "Phong trào thi đua “Vì học sinh vùng cao” của ngành Giáo dục và Đào tạo Lâm Đồng",
      "1. Đối tượng",
      "Giáo viên và học sinh các trường vùng sâu của tỉnh Lâm Đồng tham gia hoạt động trong mùa lễ hội.",
      "2. Hình thức khen thưởng",
      "Tập thể tiêu biểu được Giám đốc Sở tặng Giấy khen.",
    ].join("\n\n");
    const askRules = await askOwnPlan(t.database, rules, {
      today: "2025-12-01",
      viewer: { role: "officer" },
    });
    // Weather in the plan's own province: "Lâm Đồng" and "mưa" (folded like "mùa") say nothing of the plan.
    expect((await askRules("mai Lâm Đồng có mưa không")).text).toContain("chưa giúp được việc này");
    expect((await askRules("tap the tieu bieu o Lam Dong duoc khen the nao")).text).toContain("Giấy khen");
  });

  it("reads a 'không' that denies a word as part of what is asked, not as the question's particle", async () => {
    const rules = [
      "TRƯỜNG TIỂU HỌC YÊN PHONG",
      "KẾ HOẠCH",
      "Thi đua năm học 2025-2026",
      "1. Việc của các tổ chuyên môn",
      "Đầu năm học, giáo viên đăng ký danh hiệu thi đua; cuối năm học, tổ chuyên môn xét danh hiệu thi đua cho giáo viên đã đăng ký.",
      "2. Nguyên tắc xét",
      "Giáo viên không đăng ký thi đua sẽ không được xét danh hiệu.",
    ].join("\n\n");
    const askRules = await askOwnPlan(t.database, rules, {
      today: "2025-10-20",
      viewer: { role: "officer" },
    });
    const answer = await askRules(
      "giáo viên không đăng ký thi đua đầu năm thì cuối năm có được xét danh hiệu không",
    );
    expect(answer.text).toContain("sẽ không được xét danh hiệu");
  });

  it("cites a bullet under the numbered part it belongs to, with that part's heading", async () => {
    const duties = [
      "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN NHO QUAN",
      "KẾ HOẠCH",
      "Công tác thi đua năm 2025",
      "III. TỔ CHỨC THỰC HIỆN",
      "1. Các trường học",
      "- Xây dựng kế hoạch thi đua của trường và gửi về Phòng.",
      "2. Bộ phận Tổ chức cán bộ",
      "- Là đầu mối tổng hợp hồ sơ khen thưởng của toàn ngành, hướng dẫn các trường hoàn thiện hồ sơ.",
    ].join("\n\n");
    const askDuties = await askOwnPlan(t.database, duties, {
      today: "2025-03-20",
      viewer: { role: "officer" },
    });
    const answer = await askDuties("ai là đầu mối tổng hợp hồ sơ khen thưởng của toàn ngành");
    expect(answer.text).toContain("(Bộ phận Tổ chức cán bộ)");
    expect(answer.text).toContain("hướng dẫn các trường hoàn thiện hồ sơ");
  });

  it("finds a passage asked about in English through the field's glossary", async () => {
    expect(await ask("What satisfaction index must the school keep?")).toContain("trên 90%");
  });
});

describe.each(engines)("searching a table in the plan (%s)", (engine) => {
  const t = useTestDatabase(engine);
  // A quota table of our own: the answer stands in one row, across its columns.
  const quotas = [
    "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN NHO QUAN",
    "HƯỚNG DẪN",
    "Hội thi giáo viên chủ nhiệm giỏi năm học 2025-2026",
    "1. Số lượng dự thi",
    "Mỗi trường cử giáo viên dự thi theo bảng sau:",
    "",
    "Cấp học\tSố người dự thi tối đa\tGhi chú",
    "Mầm non\t01\tGiáo viên dạy lớp 5 tuổi",
    "Tiểu học\t02\tKhông quá 01 giáo viên lớp 1",
    "THCS\t03\tĐủ các khối lớp",
    "",
    "2. Hồ sơ dự thi gửi về Phòng trước ngày 15/10/2025.",
  ].join("\n");

  it("quotes the row that holds the answer, whole", async () => {
    const ask = await askOwnPlan(t.database, quotas, { today: "2025-10-01", viewer: { role: "officer" } });
    const { text } = await ask("truong thcs duoc cu toi da bao nhieu nguoi du thi vay");
    expect(text).toContain("Cấp học: THCS · Số người dự thi tối đa: 03");
  });
});

// A dossier named after an award, with no number in it, and the rule that says how many each unit may
// propose for that award; a case of study leave that holds the question's everyday words by chance.
const awardQuota = [
  "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH PHÚ THỌ",
  "HƯỚNG DẪN",
  "Xét khen thưởng cuối năm học 2024-2025",
  "1. Lưu ý khi xét",
  "- Trường hợp viên chức được cử đi học (từ 01 năm trở lên) thì đơn vị cử đi xét, không đề nghị Bằng khen của Giám đốc Sở.",
  "- Bằng khen của Giám đốc Sở: mỗi đơn vị đề nghị không quá 01 tập thể và 03 cá nhân.",
  "2. Hồ sơ đề nghị Bằng khen của Giám đốc Sở",
  "- Tờ trình của đơn vị;",
  "- Báo cáo thành tích của tập thể, cá nhân.",
].join("\n\n");

describe.each(engines)("a question that asks a number (%s)", (engine) => {
  const t = useTestDatabase(engine);

  it("is answered by the passage that states one for what it counts, not one that only shares its words", async () => {
    const ask = await askOwnPlan(t.database, awardQuota, {
      today: "2025-04-01",
      viewer: { role: "officer" },
    });
    for (const question of [
      // A dossier named after the award, with no number, shares the most words with this one.
      "được đề nghị bằng khen giám đốc sở cho mấy người vậy chị",
      // "mỗi trường" is the rule's "mỗi đơn vị", not the "Trường hợp" of study leave.
      "bang khen giam doc so thi moi truong de nghi dc may nguoi",
      "How many individuals can a unit propose for the Director's certificate of merit?",
    ]) {
      const { text } = await ask(question);
      expect(text).toContain("03 cá nhân");
    }
  });
});

// A rule that a chatty question asks about with many words of its own.
const leaveRules = [
  "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH YÊN BÁI",
  "HƯỚNG DẪN",
  "Xét danh hiệu thi đua năm học 2025-2026",
  "1. Đối tượng xét",
  "Cán bộ, giáo viên, nhân viên đang công tác tại đơn vị tính đến ngày 31/5/2026.",
  "2. Những trường hợp không xét",
  "- Giáo viên nghỉ ốm dài ngày từ 03 tháng trở lên trong năm học không được xét danh hiệu Lao động tiên tiến (trừ nghỉ chế độ thai sản).",
  "- Cá nhân bị kỷ luật từ khiển trách trở lên trong năm học không xét danh hiệu thi đua.",
  "3. Hồ sơ",
  "Các đơn vị gửi hồ sơ đề nghị về Sở chậm nhất ngày 10/6/2026 qua hệ thống iOffice.",
].join("\n\n");

describe.each(engines)("a chatty question about a rule (%s)", (engine) => {
  const t = useTestDatabase(engine);

  it("is answered by the one passage far ahead of the others, though most of its words are its own", async () => {
    const ask = await askOwnPlan(t.database, leaveRules, {
      today: "2026-05-20",
      viewer: { role: "officer" },
    });
    const { intent, text } = await ask(
      "giáo viên nghỉ ốm sau phẫu thuật gần 4 tháng, tuần trước đã đi dạy lại, có còn được xét lao động tiên tiến không",
    );
    expect(intent).toBe("search");
    expect(text).toContain("nghỉ ốm dài ngày từ 03 tháng");
  });
});
