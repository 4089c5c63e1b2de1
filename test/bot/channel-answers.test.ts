import { describe, expect, it } from "vitest";
import { askOwnPlan } from "../support/ask-own-plan.js";
import { engines, useTestDatabase } from "../support/engines.js";

// A notice of our own whose channels are a counter, the post and an online service.
const notice = [
  "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN KIM SƠN",
  "THÔNG BÁO",
  "Về việc nộp hồ sơ đề nghị khen thưởng năm học 2024-2025",
  "1. Hồ sơ đề nghị khen thưởng nộp trực tiếp tại Bộ phận một cửa Phòng GDĐT huyện Kim Sơn, số 5 đường Trần Hưng Đạo, hoặc gửi bản giấy về Phòng GDĐT huyện Kim Sơn qua đường bưu điện.",
  "2. Đồng thời các đơn vị đăng ký qua dịch vụ công trực tuyến theo địa chỉ: https://dichvucong.kimson.gov.vn trước ngày 20-5-2025.",
].join("\n\n");

describe.each(engines)("where to send, as the plan says it (%s)", (engine) => {
  const t = useTestDatabase(engine);

  it("names a counter, the post and an online service each in its own words", async () => {
    const ask = await askOwnPlan(t.database, notice, { today: "2025-05-02", viewer: { role: "officer" } });
    const { text } = await ask("ho so nop o dau vay");
    expect(text).toMatch(/Nộp trực tiếp tại: .*một cửa/);
    expect(text).toMatch(/Gửi bản giấy về: .*Kim Sơn/);
    expect(text).toContain("https://dichvucong.kimson.gov.vn");
  });

  it("names the officer who takes the papers when asked who to hand them to, and no one otherwise", async () => {
    const withReceiver = [
      notice,
      "3. Đầu mối liên hệ: bà Hoàng Thị Mai, chuyên viên, phụ trách chung công tác thi đua, điện thoại 0913 000 111; ông Lê Văn Tùng, nhân viên, tiếp nhận hồ sơ bản giấy tại Bộ phận một cửa, điện thoại 0988 222 333.",
    ].join("\n\n");
    const ask = await askOwnPlan(t.database, withReceiver, {
      today: "2025-05-02",
      viewer: { role: "officer" },
    });
    // Read as where to send: the places, then who takes the papers there.
    for (const question of [
      "hồ sơ nộp ở đâu và ai nhận vậy",
      "Where should the dossier be handed in, and who receives it?",
    ]) {
      const { intent, text } = await ask(question);
      expect(intent).toBe("where_to_submit");
      expect(text).toMatch(/Nộp trực tiếp tại: .*một cửa/);
      expect(text).toContain("Lê Văn Tùng");
      expect(text).not.toContain("Hoàng Thị Mai");
    }
    // Read as who to turn to: the one who takes the papers, then where they go.
    const { intent, text } = await ask("mang ho so den thi giao cho ai a");
    expect(intent).toBe("contact");
    expect(text).toContain("Lê Văn Tùng");
    expect(text).not.toContain("Hoàng Thị Mai");
    expect(text).toMatch(/Nộp trực tiếp tại: .*một cửa/);
    expect((await ask("ho so nop o dau vay")).text).not.toContain("Lê Văn Tùng");
  });

  it("names the officer who takes the papers from a table of officers, which no sentence quotes", async () => {
    const withTable = [
      notice,
      "3. Cán bộ theo dõi:",
      "Họ và tên\tChức vụ\tNhiệm vụ\tĐiện thoại",
      "Phạm Thu Trang\tPhó Trưởng phòng\tPhụ trách chung\t0912 111 222",
      "Đào Văn Khánh\tChuyên viên\tTiếp nhận hồ sơ bản giấy\t0987 333 444",
    ].join("\n\n");
    const ask = await askOwnPlan(t.database, withTable, { today: "2025-05-02", viewer: { role: "officer" } });
    const { intent, text } = await ask("nop ban giay o cho nao, ai nhan ho so vay");
    expect(intent).toBe("where_to_submit");
    expect(text).toMatch(/Nộp trực tiếp tại: .*một cửa/);
    expect(text).toContain("Đào Văn Khánh");
    expect(text).not.toContain("Phạm Thu Trang");
  });

  it("quotes the plan's word on which dossiers need no paper copy when asked whether paper is needed", async () => {
    const plan = [
      notice,
      "3. Hồ sơ Giấy khen chỉ gửi bản điện tử qua dịch vụ công, không nộp bản giấy.",
      "4. Các trường cử cán bộ mang giấy giới thiệu lên Phòng nhận Giấy khen sau Hội nghị tổng kết.",
    ].join("\n\n");
    const ask = await askOwnPlan(t.database, plan, { today: "2025-05-02", viewer: { role: "officer" } });
    const { text } = await ask("hồ sơ giấy khen có phải mang bản cứng lên phòng không");
    expect(text).toContain("chỉ gửi bản điện tử qua dịch vụ công, không nộp bản giấy");
  });

  it("quotes the plan's word on the post when asked whether papers may be posted", async () => {
    const plan = [
      "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN KIM SƠN",
      "THÔNG BÁO",
      "Về việc nộp hồ sơ đề nghị khen thưởng năm học 2024-2025",
      "1. Các trường gửi 01 bộ hồ sơ bản giấy về Văn phòng Phòng GDĐT (phòng 12), số 5 đường Trần Hưng Đạo, chậm nhất ngày 20/5/2025; có thể nộp trực tiếp hoặc gửi qua đường bưu điện (tính theo dấu bưu điện).",
      "2. Các trường ở xã xa được gửi bản scan trước qua thư điện tử kimson@edu.vn.",
    ].join("\n\n");
    const ask = await askOwnPlan(t.database, plan, {
      today: "2025-05-02",
      viewer: { role: "focal", unitKind: "tieu_hoc" },
    });
    for (const question of [
      "hồ sơ giấy gửi chuyển phát nhanh về phòng được không ạ",
      "Can we post the paper dossier?",
    ]) {
      const { text } = await ask(question);
      expect(text).toContain("tính theo dấu bưu điện");
    }
  });

  it("names the service a shared folder is on, and the tray papers go in", async () => {
    const schoolPlan = [
      "TRƯỜNG THCS GIA THỦY",
      "KẾ HOẠCH",
      "Công tác thi đua, khen thưởng năm học 2025-2026",
      "1. Các tổ nộp hồ sơ đăng ký thi đua trước ngày 05/10/2025.",
      "2. Bản giấy: để vào hộp “Thi đua” tại Phòng Hội đồng (tầng 1) trong giờ hành chính. Bản điện tử: tải lên thư mục chung https://drive.google.com/drive/folders/1AbCdEfGh-thidua.",
    ].join("\n\n");
    const ask = await askOwnPlan(t.database, schoolPlan, {
      today: "2025-09-20",
      viewer: { role: "officer" },
    });
    const { text } = await ask("file mem thi up len dau a");
    expect(text).toContain("Google Drive — https://drive.google.com/drive/folders/1AbCdEfGh-thidua");
    expect(text).not.toContain("Phòng Hội đồng");
    expect((await ask("ho so to em nop o dau")).text).toContain(
      "Nộp trực tiếp tại: hộp “Thi đua” tại Phòng Hội đồng",
    );
    // Asked for paper only, the places papers go; asked for both, every channel.
    const paper = (await ask("bản cứng thì mang nộp chỗ nào ạ")).text;
    expect(paper).toContain("Phòng Hội đồng");
    expect(paper).not.toContain("drive.google.com");
    const both = (await ask("paper copies go where, and where do I upload the pdf?")).text;
    expect(both).toContain("Phòng Hội đồng");
    expect(both).toContain("drive.google.com");
    // Whether paper is needed, asked beside where to send: every channel.
    const needed = (await ask("nop qua dau vay, co can nop ban giay khong")).text;
    expect(needed).toContain("drive.google.com");
    expect(needed).toContain("Phòng Hội đồng");
  });

  it("shows a school its own level's address and an officer every level's, each with its level, and the subject to write", async () => {
    const plan = [
      "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN YÊN KHÁNH",
      "HƯỚNG DẪN",
      "Hội thi đồ dùng dạy học năm học 2025-2026",
      "1. Các trường gửi bản đăng ký dự thi trước ngày 10/10/2025.",
      "2. Bản đăng ký gửi qua thư điện tử theo cấp học:",
      "+ Cấp mầm non: dodung.mn@yenkhanh.edu.vn",
      "+ Cấp tiểu học: dodung.th@yenkhanh.edu.vn",
      "+ Cấp THCS: dodung.thcs@yenkhanh.edu.vn",
      "- Tiêu đề thư đặt theo mẫu: DDDH_Tên trường (ví dụ: DDDH_THYenPhong).",
    ].join("\n\n");
    const school = await askOwnPlan(t.database, plan, {
      today: "2025-10-01",
      viewer: { role: "focal", unitKind: "tieu_hoc" },
    });
    const own = (await school("ban dang ky gui mail nao vay")).text;
    expect(own).toContain("dodung.th@yenkhanh.edu.vn");
    expect(own).not.toContain("dodung.mn@");
    expect(own).not.toContain("dodung.thcs@");
    expect(own).toContain("Tiêu đề thư: DDDH_Tên trường");
    const officer = await askOwnPlan(t.database, plan, { today: "2025-10-01", viewer: { role: "officer" } });
    const all = (await officer("which email do schools send the registration to?")).text;
    expect(all).toContain("dodung.mn@yenkhanh.edu.vn (Cấp mầm non)");
    expect(all).toContain("dodung.thcs@yenkhanh.edu.vn (Cấp THCS)");
  });

  it("quotes the plan's own words on where a dossier goes when it names no channel", async () => {
    const schoolPlan = [
      "TRƯỜNG THCS YÊN LÂM",
      "KẾ HOẠCH",
      "Công tác thi đua, khen thưởng năm học 2024-2025",
      "1. Nhiệm vụ của Hội đồng",
      "- Tổ chức bình xét thi đua cuối năm học, hoàn thiện và trình hồ sơ đề nghị khen thưởng về Hội đồng Thi đua - Khen thưởng huyện Yên Mô.",
      "2. Nhiệm vụ của các tổ",
      "- Các tổ chuyên môn họp đánh giá giáo viên mỗi tháng một lần.",
    ].join("\n\n");
    const ask = await askOwnPlan(t.database, schoolPlan, {
      today: "2025-05-02",
      viewer: { role: "officer" },
    });
    const answer = await ask("hồ sơ đề nghị khen thưởng của trường trình về đâu ạ");
    expect(answer.intent).toBe("where_to_submit");
    expect(answer.text).toContain("Hội đồng Thi đua - Khen thưởng huyện Yên Mô");
  });

  it("quotes the plan's sentence on what a where question asks beyond the channels, and nothing when it asks no more", async () => {
    const plan = [
      "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN NHO QUAN",
      "HƯỚNG DẪN",
      "Nộp hồ sơ khen thưởng năm học 2025-2026",
      "1. Các trường họp xét rồi gửi hồ sơ qua hệ thống quản lý văn bản https://qlvb.nhoquan.gov.vn trước ngày 20/5/2026.",
      "2. Tên tệp đặt theo cấu trúc TenTruong_HoSo; mỗi tệp dung lượng không vượt quá 5 MB; biên bản họp gửi kèm.",
      "3. Hồ sơ gửi thiếu biên bản là hồ sơ không hợp lệ.",
      "4. Phòng tổ chức họp mặt và lễ tổng kết năm học theo hướng dẫn riêng.",
      "5. Lễ tuyên dương điển hình tổ chức cùng ngày.",
    ].join("\n\n");
    const askPlan = await askOwnPlan(t.database, plan, { today: "2026-05-04", viewer: { role: "officer" } });
    const asked = await askPlan("ho so gui qua dau, moi tep toi da bao nhieu MB");
    expect(asked.intent).toBe("where_to_submit");
    expect(asked.text).toContain("qlvb.nhoquan.gov.vn");
    expect(asked.text).toContain("không vượt quá 5 MB");
    expect((await askPlan("ho so gui qua dau")).text).not.toContain("5 MB");
    // Two words that each stand in many places ("họp", "lễ") are rare side by side ("hợp lệ").
    expect((await askPlan("gui qua he thong nhu vay co hop le khong")).text).toContain(
      "là hồ sơ không hợp lệ",
    );
  });
});
