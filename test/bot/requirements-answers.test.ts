import { describe, expect, it } from "vitest";
import { askOwnPlan } from "../support/ask-own-plan.js";
import { engines, useTestDatabase } from "../support/engines.js";

// A plan of our own: a dossier list for the contest's results, and two rounds whose own lines say
// what each one hands in.
const plan = [
  "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN YÊN KHÁNH",
  "Số: 45/KH-PGDĐT",
  "Yên Khánh, ngày 5 tháng 9 năm 2025",
  "KẾ HOẠCH",
  "Hội thi giáo viên dạy giỏi cấp huyện năm học 2025-2026",
  "I. HỒ SƠ",
  "Hồ sơ đề nghị công nhận giáo viên dạy giỏi gồm:",
  "- Tờ trình của nhà trường;",
  "- Danh sách giáo viên đề nghị công nhận;",
  "- Bản tự đánh giá của giáo viên.",
  "Bản tự đánh giá nêu rõ số tiết dự giờ trong năm, kết quả học tập của lớp giảng dạy và các sáng kiến đã được công nhận.",
  "II. TIẾN ĐỘ",
  "- Vòng 1 (thi lý thuyết): các trường nộp danh sách giáo viên dự thi và lịch dạy về Phòng trước ngày 20/10/2025.",
  "- Vòng 2 (thi thực hành): các trường nộp biên bản chấm tiết dạy và bảng điểm về Phòng trước ngày 15/12/2025.",
  "- Các trường nộp hồ sơ đề nghị công nhận giáo viên dạy giỏi về Phòng trước ngày 10/01/2026.",
  "III. KHEN THƯỞNG ĐỘT XUẤT",
  "Hồ sơ đề nghị khen thưởng đột xuất, quy định tại Điều 8 Thông tư số 21/2020/TT-BGDĐT ngày 15/7/2020 của Bộ Giáo dục và Đào tạo, gồm:",
  "- Tờ trình đề nghị khen thưởng;",
  "- Báo cáo tóm tắt thành tích.",
].join("\n\n");

describe.each(engines)("what to hand in (%s)", (engine) => {
  const t = useTestDatabase(engine);
  const ask = async (text: string) =>
    (await askOwnPlan(t.database, plan, { today: "2025-11-20", viewer: { role: "officer" } }))(text);

  it("gives a focal person the list their kind of unit makes up, when the part has one for each", async () => {
    const byKind = [
      "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH NINH BÌNH",
      "KẾ HOẠCH",
      "Thi đua chào mừng năm học mới 2025-2026",
      "3. Hồ sơ đề nghị khen thưởng cuối đợt",
      "a) Đối với các trường THPT, hồ sơ gồm:",
      "+ Tờ trình của trường;",
      "+ Báo cáo thành tích của tập thể.",
      "b) Đối với Phòng GDĐT, hồ sơ gồm:",
      "+ Tờ trình của Phòng kèm danh sách các trường đề nghị;",
      "+ Biên bản họp Hội đồng thi đua cấp huyện.",
      "4. Khối trưởng tổ chức họp khối và gửi về Sở trước ngày 10/12/2025, hồ sơ gồm: Biên bản họp khối; Bảng điểm các trường trong khối.",
    ].join("\n\n");
    const askAs = async (unitKind: "thpt" | "phong", text: string) =>
      (await askOwnPlan(t.database, byKind, { today: "2025-11-20", viewer: { role: "focal", unitKind } }))(
        text,
      );
    const phong = await askAs("phong", "cuoi dot nay phong can nop nhung giay to nao cho ho so khen");
    expect(phong.text).toContain("Biên bản họp Hội đồng thi đua cấp huyện");
    expect(phong.text).not.toContain("Báo cáo thành tích của tập thể");
    const school = await askAs("thpt", "cuối đợt thì bộ hồ sơ khen cần những gì ạ");
    expect(school.text).toContain("Báo cáo thành tích của tập thể");
    expect(school.text).not.toContain("cấp huyện");
    // A list written in the sentence of the step that sends it.
    const leader = await askAs("thpt", "khoi truong gui ve so nhung giay to gi");
    expect(leader.intent).toBe("requirements_of");
    expect(leader.text).toContain("Bảng điểm các trường trong khối");
  });

  it("knows a list by the step that sends it, even when the schedule stands above the list", async () => {
    const campaign = [
      "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN GIA VIỄN",
      "KẾ HOẠCH",
      "Phong trào thi đua chào mừng ngày 20/11 năm học 2025-2026",
      "I. LỊCH THỰC HIỆN",
      "- Các trường gửi hồ sơ đề nghị công nhận sản phẩm sáng tạo kèm ảnh chụp sản phẩm tiêu biểu về Phòng trước ngày 06/11/2025.",
      "- Các trường gửi hồ sơ tổng kết đợt thi đua về Phòng trước ngày 05/12/2025.",
      "II. HỒ SƠ",
      "1. Hồ sơ đề nghị công nhận sản phẩm sáng tạo gồm: a) Tờ trình; b) Bản mô tả sản phẩm; c) Phiếu chấm của trường.",
      "2. Hồ sơ tổng kết đợt thi đua gồm: a) Báo cáo tổng kết; b) Danh sách khen thưởng cá nhân tiêu biểu; c) Ảnh hoạt động tiêu biểu.",
    ].join("\n\n");
    const askCampaign = await askOwnPlan(t.database, campaign, {
      today: "2025-10-20",
      viewer: { role: "focal", unitKind: "tieu_hoc" },
    });
    const answer = await askCampaign(
      "bên em muốn gửi mấy sản phẩm tiêu biểu về phòng, vậy cần chuẩn bị hồ sơ gồm những gì ạ",
    );
    expect(answer.intent).toBe("requirements_of");
    expect(answer.text).toContain("Bản mô tả sản phẩm");
    expect(answer.text).not.toContain("Báo cáo tổng kết");
  });

  it("gives the dossier of a task written as one row per level to every level's focal person", async () => {
    const byLevel = [
      "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN KIM BẢNG",
      "KẾ HOẠCH",
      "Tổng kết thi đua năm học 2025-2026",
      "I. LỊCH THỰC HIỆN",
      "Thời gian\tNội dung\tĐơn vị thực hiện",
      "Trước ngày 20/5/2026\tNộp hồ sơ đề nghị khen thưởng cuối năm (mục II)\tCác trường mầm non",
      "Trước ngày 25/5/2026\tNộp hồ sơ đề nghị khen thưởng cuối năm (mục II)\tCác trường tiểu học",
      "",
      "II. HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG CUỐI NĂM",
      "Hồ sơ đề nghị danh hiệu Tập thể lao động tiên tiến gồm:",
      "- Tờ trình của trường;",
      "- Bảng tự chấm điểm thi đua.",
    ].join("\n\n");
    const askPrimary = await askOwnPlan(t.database, byLevel, {
      today: "2026-05-04",
      viewer: { role: "focal", unitKind: "tieu_hoc" },
    });
    const answer = await askPrimary("hs khen thuong cuoi nam ben em can nhung giay to gi a");
    expect(answer.text).toContain("Bảng tự chấm điểm thi đua");
  });

  it("answers a question that names a task better than any list by that task's own line", async () => {
    const answer = await ask("xong vong 2 thi can chuan bi nhung giay to gi a");
    expect(answer.intent).toBe("requirements_of");
    expect(answer.text).toContain("biên bản chấm tiết dạy và bảng điểm");
    expect(answer.text).toContain("15/12/2025");
    expect(answer.text).not.toContain("Bản tự đánh giá");
  });

  it("still answers with the list when the question is about the list", async () => {
    const answer = await ask("hồ sơ đề nghị công nhận giáo viên dạy giỏi gồm những gì vậy");
    expect(answer.text).toContain("Bản tự đánh giá của giáo viên");
    expect(answer.text).not.toContain("Văn bản ghi thêm");
  });

  it("quotes the plan's sentence on what one paper of the list must say, beside the list", async () => {
    const answer = await ask("ban tu danh gia cua giao vien trong ho so can ghi nhung noi dung gi");
    expect(answer.intent).toBe("requirements_of");
    expect(answer.text).toContain("Danh sách giáo viên đề nghị công nhận");
    expect(answer.text).toContain("Văn bản ghi thêm: “Bản tự đánh giá nêu rõ số tiết dự giờ");
  });

  it("quotes the line that introduces the list when it says what was asked beyond the papers", async () => {
    const answer = await ask("hs khen dot xuat lam theo thong tu nao vay a");
    expect(answer.intent).toBe("requirements_of");
    expect(answer.text).toContain("Báo cáo tóm tắt thành tích");
    expect(answer.text).toContain("21/2020/TT-BGDĐT");
  });

  it("gives the forms the plan asks for when a list without its own copies is asked 'mấy bản, pdf hay word'", async () => {
    const forms = [
      "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN GIA VIỄN",
      "HƯỚNG DẪN",
      "Khen thưởng cuối năm học 2025-2026",
      "1. Hồ sơ công nhận sáng kiến gồm:",
      "- Báo cáo sáng kiến;",
      "- Phiếu chấm của tổ chuyên môn.",
      "Hồ sơ sáng kiến nộp 01 bản giấy có đóng dấu và 01 bản file pdf.",
      "2. Hồ sơ đề nghị khen thưởng cuối năm gồm:",
      "- Tờ trình của trường;",
      "- Biên bản họp xét thi đua.",
    ].join("\n\n");
    const askForms = await askOwnPlan(t.database, forms, {
      today: "2026-05-04",
      viewer: { role: "officer" },
    });
    const asked = await askForms(
      "ho so khen thuong cuoi nam gom giay to gi, moi thu may ban, file pdf hay word",
    );
    expect(asked.intent).toBe("requirements_of");
    expect(asked.text).toContain("Biên bản họp xét thi đua");
    expect(asked.text).toContain("01 bản file pdf");
    // Not asked: the list alone, without another paper's forms.
    const plain = (await askForms("ho so khen thuong cuoi nam gom nhung giay to gi")).text;
    expect(plain).not.toContain("01 bản file pdf");
  });

  it("lists the plans' dossiers by name when asked which there are, not one of them", async () => {
    const answer = await ask("ke hoach nay co nhung bo ho so nao vay");
    expect(answer.intent).toBe("requirements_of");
    expect(answer.text).toContain("Hồ sơ đề nghị công nhận giáo viên dạy giỏi (3 thành phần)");
    expect(answer.text).toContain("Hồ sơ đề nghị khen thưởng đột xuất");
    expect(answer.text).not.toContain("Tờ trình của nhà trường");
  });
});
