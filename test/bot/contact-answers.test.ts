import { describe, expect, it } from "vitest";
import { askAsSeated } from "../support/ask-as-seated.js";
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

// A plan whose only word on whom to turn to is in its closing paragraph.
const closingWord = [
  "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN THANH OAI",
  "KẾ HOẠCH",
  "Thi đua chào mừng ngày 20/11 năm 2024",
  "1. Các trường tổ chức hội giảng và gửi báo cáo về Phòng trước ngày 25/11/2024.",
  "2. Công đoàn ngành phối hợp tổ chức các hoạt động văn nghệ, thể thao.",
  "Trên đây là kế hoạch thi đua của Phòng; trong quá trình thực hiện có vướng mắc, các trường liên hệ Tổ Văn phòng để được giải đáp.",
].join("\n\n");

// A school's plan of our own signed by its council's chairman, who is also the principal; and an
// office's, signed by a deputy for the head.
const signedByChair = [
  "UBND HUYỆN KIM SƠN",
  "TRƯỜNG TIỂU HỌC KIM ĐÔNG",
  "Số: 03/KH-HĐTĐKT",
  "KẾ HOẠCH",
  "Công tác thi đua, khen thưởng năm học 2024-2025",
  "1. Các tổ chuyên môn đăng ký danh hiệu thi đua trước ngày 20/9/2024.",
  "Nơi nhận:",
  "- Lưu: VT.",
  "TM. HỘI ĐỒNG",
  "CHỦ TỊCH",
  "HIỆU TRƯỞNG",
  "Lê Thị Hạnh",
].join("\n\n");
const signedForTheHead = [
  "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN YÊN MÔ",
  "Số: 88/KH-PGDĐT",
  "KẾ HOẠCH",
  "Thi đua chào mừng ngày Nhà giáo Việt Nam năm 2024",
  "1. Các trường gửi báo cáo về Phòng trước ngày 25/11/2024.",
  "Nơi nhận:",
  "- Lưu: VT.",
  "KT. TRƯỞNG PHÒNG",
  "PHÓ TRƯỞNG PHÒNG",
  "Đỗ Văn Quang",
].join("\n\n");

// The officer in overall charge shares no topic word with a question about the work as a whole, and
// the other's duty names the office ("Văn phòng") a question says it is asking about.
const overallAndLevel = [
  "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN GIAO THỦY",
  "THÔNG BÁO",
  "Về hồ sơ thi đua cuối năm học 2024-2025",
  "1. Các trường gửi hồ sơ về Phòng trước ngày 20/5/2025.",
  "2. Đầu mối liên hệ:",
  "- Bà Vũ Thị Lan, Phó Trưởng phòng, phụ trách chung công tác thi đua, khen thưởng, điện thoại 0912.345.678.",
  "- Ông Trần Văn Bình, chuyên viên, phụ trách khối tiểu học và nhận hồ sơ tại Văn phòng, điện thoại 0988 111 222.",
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

  it("gives the officer in overall charge when asked who leads the work as a whole, in either language", async () => {
    for (const question of [
      "em cần gọi cho người phụ trách chung, chị cho em số điện thoại với",
      "Who is in overall charge of emulation at the office?",
    ]) {
      const answer = await ask(overallAndLevel, question);
      expect(answer.intent).toBe("contact");
      expect(answer.text).toContain("Vũ Thị Lan");
      expect(answer.text).toContain("0912.345.678");
      expect(answer.text).not.toContain("Trần Văn Bình");
    }
  });

  it("finds the officer a person is named by, with the e-mail built on their name", async () => {
    const answer = await ask(withOfficers, "cho em xin địa chỉ mail của anh Hoàng với ạ");
    expect(answer.intent).toBe("contact");
    expect(answer.text).toContain("Phạm Văn Hoàng");
    expect(answer.text).toContain("pvhoang.pgd@yenmo.edu.vn");
    expect(answer.text).not.toContain("Đinh Thị Huyền");
  });

  it("tells numbered khối apart by their number", async () => {
    const plan = [
      "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH HÀ NAM",
      "KẾ HOẠCH",
      "Công tác thi đua, khen thưởng năm 2025",
      "1. Các đơn vị gửi bản đăng ký thi đua về Sở trước ngày 15/3/2025.",
      "2. Khối thi đua:",
      "- Khối thi đua số 1 (các Phòng GDĐT): Khối trưởng là Phòng GDĐT thành phố Phủ Lý.",
      "- Khối thi đua số 2 (các trường THPT): Khối trưởng là Trường THPT Chuyên Biên Hòa.",
      "- Khối thi đua số 3 (các trung tâm và đơn vị sự nghiệp): Khối trưởng là Trung tâm GDTX tỉnh.",
    ].join("\n\n");
    const askOfficer = await askOwnPlan(t.database, plan, {
      today: "2025-02-06",
      viewer: { role: "officer" },
    });
    const answer = await askOfficer("Khối thi đua số 1 năm nay khối trưởng là đơn vị nào thế?");
    expect(answer.text).toContain("Phủ Lý");
    expect(answer.text).not.toContain("Chuyên Biên Hòa");
    expect(answer.text).not.toContain("Trung tâm GDTX");
  });

  it("names a khối and its members from a table, and finds the khối a school belongs to", async () => {
    const plan = [
      "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO THÀNH PHỐ THUẬN AN",
      "KẾ HOẠCH",
      "Công tác thi đua, khen thưởng năm học 2025-2026",
      "1. Các trường gửi bản đăng ký thi đua về Phòng trước ngày 30/9/2025.",
      "2. Các khối thi đua:",
      "TT\tKhối thi đua\tCác đơn vị thành viên",
      "1\tKhối THCS số 1\tTrường THCS An Phú (khối trưởng); Trường THCS Bình Hòa; Trường THCS Lái Thiêu",
      "2\tKhối THCS số 2\tTrường THCS Châu Văn Liêm (khối trưởng); Trường THCS Bình Chuẩn",
      "",
      "3. Các khối tổ chức ký kết giao ước thi đua trước ngày 15/10/2025.",
    ].join("\n");
    const askOfficer = await askOwnPlan(t.database, plan, {
      today: "2025-09-06",
      viewer: { role: "officer" },
    });
    const leader = await askOfficer("khoi truong khoi thcs so 2 la truong nao");
    expect(leader.text).toContain("Châu Văn Liêm");
    expect(leader.text).toContain("Bình Chuẩn");
    expect(leader.text).not.toContain("Lái Thiêu");
    const member = await askOfficer("Trường THCS Lái Thiêu nằm trong khối thi đua nào, khối trưởng là ai?");
    expect(member.text).toContain("Khối THCS số 1");
    expect(member.text).not.toContain("Khối THCS số 2");
    const members = await askOfficer("khoi so 2 gom nhung truong nao vay");
    expect(members.text).toContain("Bình Chuẩn");
    expect(members.text).not.toContain("Bình Hòa");
  });

  it("answers a school's focal person asking which cụm their own school is in, from a members column", async () => {
    const plan = [
      "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN ĐẠI TỪ",
      "KẾ HOẠCH",
      "Công tác thi đua, khen thưởng năm học 2025-2026",
      "1. Các cụm thi đua:",
      "TT\tCụm thi đua\tTrường cụm trưởng\tCác trường thành viên",
      "1\tCụm số 1\tTrường Tiểu học Hùng Sơn\tTiểu học Phú Xuyên, Tiểu học Bản Ngoại",
      "2\tCụm số 2\tTrường Tiểu học La Bằng\tTiểu học Phú Cường, Tiểu học Yên Lãng",
      "",
      "2. Các cụm tổ chức ký kết giao ước thi đua trước ngày 15/10/2025.",
    ].join("\n");
    const ask = await askAsSeated(t.database, plan, {
      today: "2025-09-20",
      units: [{ code: "TH-PC", name: "Trường Tiểu học Phú Cường", kind: "tieu_hoc" }],
    });
    const mine = await ask("TH-PC", "truong em thuoc cum nao vay, cum truong la truong nao a");
    expect(mine).toContain("Cụm số 2");
    expect(mine).toContain("La Bằng");
    expect(mine).not.toContain("Hùng Sơn");
    // Cụm, not khối, in the plan's own word.
    expect(mine).toContain("cụm trưởng Trường Tiểu học La Bằng");
  });

  it("gives the officer a cụm leader asks for, not the cụm, when the leader is the one asking", async () => {
    const plan = [
      "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN ĐẠI TỪ",
      "CÔNG VĂN",
      "Về sinh hoạt cụm thi đua năm học 2025-2026",
      "1. Các cụm thi đua:",
      "- Cụm số 1: Trường Tiểu học Hùng Sơn, Tiểu học Phú Xuyên. Cụm trưởng: Trường Tiểu học Hùng Sơn.",
      "- Cụm số 2: Trường Tiểu học La Bằng, Tiểu học Yên Lãng. Cụm trưởng: Trường Tiểu học La Bằng.",
      "2. Cụm trưởng gửi biên bản họp cụm về Phòng trước ngày 15/10/2025.",
      "3. Cán bộ theo dõi:",
      "- Bà Hà Thị Mơ, chuyên viên, phụ trách thi đua cấp tiểu học, ĐT: 0912 000 111;",
      "- Ông Lý Văn Sang, chuyên viên, tổng hợp biên bản các cụm, ĐT: 0988 000 222.",
    ].join("\n\n");
    const askOfficer = await askOwnPlan(t.database, plan, {
      today: "2025-09-20",
      viewer: { role: "officer" },
    });
    for (const question of [
      "truong minh la cum truong cum 2, biên bản cụm thì hỏi ai bên phòng tổng hợp ạ",
      "As a cluster leader, who at the office collates the clusters' minutes?",
    ]) {
      const answer = await askOfficer(question);
      expect(answer.intent).toBe("contact");
      expect(answer.text).toContain("Lý Văn Sang");
      expect(answer.text).not.toContain("Cụm số 2");
    }
    // The cụm themselves are still what "trường nào đứng đầu cụm 2" asks.
    expect((await askOfficer("trường nào đứng đầu cụm 2")).text).toContain("La Bằng");
  });

  it("gives a school's focal person their own cụm's folder, and an officer every cụm's", async () => {
    const plan = [
      "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN ĐẠI TỪ",
      "KẾ HOẠCH",
      "Công tác thi đua, khen thưởng năm học 2025-2026",
      "1. Các cụm thi đua:",
      "Cụm\tCác trường thành viên\tThư mục nộp hồ sơ",
      "Cụm 1\tTiểu học Hùng Sơn (Cụm trưởng); Tiểu học Phú Xuyên\thttps://drive.google.com/drive/folders/dt-cum1",
      "Cụm 2\tTiểu học La Bằng (Cụm trưởng); Tiểu học Phú Cường\thttps://drive.google.com/drive/folders/dt-cum2",
      "",
      "2. Các trường tải bản đăng ký thi đua lên thư mục của cụm trước ngày 15/10/2025.",
    ].join("\n");
    const ask = await askAsSeated(t.database, plan, {
      today: "2025-09-20",
      units: [{ code: "TH-PC", name: "Trường Tiểu học Phú Cường", kind: "tieu_hoc" }],
    });
    const mine = await ask("TH-PC", "ban dang ky up len dau a");
    expect(mine).toContain("dt-cum2");
    expect(mine).not.toContain("dt-cum1");
    const askOfficer = await askOwnPlan(t.database, plan, {
      today: "2025-09-20",
      viewer: { role: "officer" },
    });
    const all = (await askOfficer("các trường tải bản đăng ký lên chỗ nào")).text;
    expect(all).toContain("dt-cum1 (Cụm 1)");
    expect(all).toContain("dt-cum2 (Cụm 2)");
  });

  it("names a khối's deputy with the khối, as its sentence says", async () => {
    const plan = [
      "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH HÀ GIANG",
      "KẾ HOẠCH",
      "Thi đua năm học 2025-2026",
      "1. Khối thi đua",
      "Khối A gồm các trường THPT thành phố, do Trường THPT Lê Hồng Phong làm khối trưởng, Trường THPT Chuyên làm khối phó.",
      "Khối B gồm các trường THPT vùng cao, do Trường THPT Đồng Văn làm khối trưởng, Trường THPT Mèo Vạc làm khối phó.",
      "2. Các khối ký giao ước thi đua trước ngày 15/10/2025.",
    ].join("\n\n");
    const askOfficer = await askOwnPlan(t.database, plan, {
      today: "2025-09-20",
      viewer: { role: "officer" },
    });
    const deputy = await askOfficer("khoi pho cua khoi B la truong nao vay");
    expect(deputy.text).toContain("Khối B: khối trưởng Trường THPT Đồng Văn; phó: Trường THPT Mèo Vạc");
  });

  it("finds the sentence naming who holds a board's title, with a person in it", async () => {
    const plan = [
      "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN GIA LỘC",
      "HƯỚNG DẪN",
      "Hội thi giáo viên dạy giỏi cấp huyện năm học 2025-2026",
      "1. Tổ chức hội thi cấp trường",
      "Các trường tổ chức hội thi cấp trường; mỗi trường chọn giáo viên tiêu biểu của trường dự thi cấp huyện.",
      "2. Ban Tổ chức Hội thi",
      "Ban Tổ chức Hội thi do ông Đặng Văn Hưng, Phó Trưởng phòng, làm Trưởng ban; các chuyên viên của Phòng là thành viên.",
      "3. Các trường gửi hồ sơ trước ngày 15/10/2025.",
    ].join("\n\n");
    const askOfficer = await askOwnPlan(t.database, plan, {
      today: "2025-10-01",
      viewer: { role: "officer" },
    });
    const head = await askOfficer("ai lam truong ban to chuc hoi thi vay");
    // The sentence itself, quoted, with no other of the passage before it.
    expect(head.text).toContain(
      "“Ban Tổ chức Hội thi do ông Đặng Văn Hưng, Phó Trưởng phòng, làm Trưởng ban;”",
    );
  });

  it("finds who holds a council title in the plan's member list when no officer listed holds it", async () => {
    const plan = [
      "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN HOA LƯ",
      "KẾ HOẠCH",
      "Xét công nhận sáng kiến năm học 2025-2026",
      "I. HỘI ĐỒNG XÉT SÁNG KIẾN",
      "- Chủ tịch Hội đồng: ông Bùi Văn Thắng, Trưởng phòng;",
      "- Phó Chủ tịch: bà Lại Thị Hoa, Phó Trưởng phòng;",
      "- Ủy viên: các chuyên viên phụ trách cấp học.",
      "II. THỜI GIAN",
      "Các trường gửi báo cáo sáng kiến về Phòng trước ngày 15/3/2026.",
      "III. CÁN BỘ PHỤ TRÁCH",
      "- Bà Tạ Thu Hằng, chuyên viên, phụ trách cấp tiểu học, điện thoại 0912 555 666.",
    ].join("\n\n");
    const askOfficer = await askOwnPlan(t.database, plan, {
      today: "2026-02-06",
      viewer: { role: "officer" },
    });
    const answer = await askOfficer("ai lam chu tich hoi dong xet sang kien vay a");
    expect(answer.text).toContain("Bùi Văn Thắng");
    expect(answer.text).not.toContain("Tạ Thu Hằng");
  });

  it("gives the phone the plan lists for an officer, as written", async () => {
    const plan = [
      "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN NHO QUAN",
      "HƯỚNG DẪN",
      "Về công tác khen thưởng cuối năm học 2024-2025",
      "1. Các trường gửi hồ sơ về Phòng trước ngày 20/5/2025.",
      "2. Chuyên viên phụ trách:",
      "- Cấp tiểu học: bà Trịnh Thị Nga, chuyên viên, điện thoại 0915 246 810.",
    ].join("\n\n");
    const askPrimary = await askOwnPlan(t.database, plan, {
      today: "2025-01-06",
      viewer: { role: "focal", unitKind: "tieu_hoc" },
    });
    const answer = await askPrimary("sdt cua chuyen vien phu trach tieu hoc la so nao vay");
    expect(answer.intent).toBe("contact");
    expect(answer.text).toContain("Trịnh Thị Nga");
    expect(answer.text).toContain("0915 246 810");
  });

  it("puts first, for a school's focal person naming no level, the officer of their school's level", async () => {
    const askNursery = await askOwnPlan(t.database, withOfficers, {
      today: "2025-01-06",
      viewer: { role: "focal", unitKind: "mam_non" },
    });
    const answer = await askNursery("truong minh co gi can hoi ve thi dua thi lien lac voi ai a");
    expect(answer.intent).toBe("contact");
    expect(answer.text.indexOf("Đinh Thị Huyền")).toBeGreaterThan(-1);
    expect(answer.text.indexOf("Đinh Thị Huyền")).toBeLessThan(answer.text.indexOf("Phạm Văn Hoàng"));
  });

  it("finds the officer of a school's level when the plan writes the level short ('cấp THCS')", async () => {
    const plan = [
      "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN GIA VIỄN",
      "HƯỚNG DẪN",
      "Về công tác thi đua năm học 2024-2025",
      "1. Các trường gửi báo cáo về Phòng trước ngày 20/5/2025.",
      "2. Cán bộ phụ trách:",
      "- Ông Vũ Đức Lâm, Phó Trưởng phòng, phụ trách chung.",
      "- Bà Hà Thị Thu, chuyên viên, phụ trách cấp THCS, điện thoại 0912 333 444.",
    ].join("\n\n");
    const askLowerSecondary = await askOwnPlan(t.database, plan, {
      today: "2025-01-06",
      viewer: { role: "focal", unitKind: "thcs" },
    });
    const answer = await askLowerSecondary("ben em can hoi them ve thi dua thi goi cho ai dc a");
    expect(answer.intent).toBe("contact");
    expect(answer.text.indexOf("Hà Thị Thu")).toBeGreaterThan(-1);
    expect(answer.text.indexOf("Hà Thị Thu")).toBeLessThan(answer.text.indexOf("Vũ Đức Lâm"));
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

  it("quotes the closing paragraph on whom to turn to, cited by its plan alone", async () => {
    const answer = await ask(closingWord, "co vuong mac trong luc trien khai thi truong hoi ai vay");
    expect(answer.text).toContain("các trường liên hệ Tổ Văn phòng");
    expect(answer.text).not.toContain("mục :");
    expect(answer.text).not.toContain("văn nghệ, thể thao");
  });

  it("gives the plan's e-mail addresses to a question asking for one when it lists no officers", async () => {
    const answer = await ask(
      withoutOfficers,
      "chuyên viên nào của Sở dùng mail gì để bên mình gửi thẳng cho họ",
    );
    expect(answer.intent).toBe("contact");
    expect(answer.text).toContain("ngohuyen_sgd@ninhbinh.gov.vn");
  });

  it("takes the given name from a full name written after the title", async () => {
    const answer = await ask(withoutOfficers, "cho minh xin dia chi mail cua chi Ngo Thi Huyen ben So voi");
    expect(answer.text).toContain("ngohuyen_sgd@ninhbinh.gov.vn");
  });

  it("gives the address of a person named in a question about where to send, not every channel", async () => {
    const answer = await ask(withOfficers, "bao cao em muon gui thang cho anh Hoang thi gui vao mail nao a");
    expect(answer.text).toContain("pvhoang.pgd@yenmo.edu.vn");
    expect(answer.text).not.toContain("thiduakhenthuong@yenmo.edu.vn");
  });

  it("names who signed as the head a question asks about, and not someone who signed for the head", async () => {
    const chair = await ask(signedByChair, "chu tich hoi dong thi dua cua truong minh la ai vay");
    expect(chair.intent).toBe("contact");
    expect(chair.text).toContain("Lê Thị Hạnh");
    expect((await ask(signedByChair, "who is the principal of the school?")).text).toContain("Lê Thị Hạnh");
    // Who heads the council is its chairman.
    expect((await ask(signedByChair, "người đứng đầu hội đồng thi đua bên mình là ai thế")).text).toContain(
      "Lê Thị Hạnh",
    );
    expect((await ask(signedByChair, "who heads the school's emulation council?")).text).toContain(
      "Lê Thị Hạnh",
    );
    // Signed for the head ("KT. TRƯỞNG PHÒNG"): the deputy is named as deputy, not as the head.
    expect((await ask(signedForTheHead, "ai là phó trưởng phòng vậy")).text).toContain("Đỗ Văn Quang");
    expect((await ask(signedForTheHead, "trưởng phòng giáo dục là ai ạ")).text).not.toContain("Đỗ Văn Quang");
  });
});
