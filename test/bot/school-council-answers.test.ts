import { describe, expect, it } from "vitest";
import { askAsSeated } from "../support/ask-as-seated.js";
import { useTestDatabase } from "../support/engines.js";
import { schoolCouncilPlan } from "../support/school-council-plan.js";

// The school and its tổ and unions as units, as a school that runs its own council lists them.
const units = [
  { code: "HB", name: "Trường THCS Hòa Bình", kind: "thcs", role: "officer" },
  { code: "VP", name: "Tổ Văn phòng", kind: "thcs", parent: "HB" },
  { code: "TT", name: "Tổ Toán - Tin", kind: "thcs", parent: "HB" },
  { code: "CD", name: "Công đoàn cơ sở Trường THCS Hòa Bình", kind: "thcs", parent: "HB" },
  { code: "PC", name: "Trường THCS Phú Cường", kind: "thcs" },
] as const;

describe("answers from a school council's own plan", () => {
  const fixture = useTestDatabase("pglite");

  it("shows a tổ or a union the date given to it by name, not those given to the others", async () => {
    const ask = await askAsSeated(fixture.database, schoolCouncilPlan, { today: "2027-05-17", units });
    const office = await ask("VP", "tuần sau tổ mình phải nộp gì");
    expect(office).toContain("26/05/2027");
    expect(office).not.toContain("25/05/2027");
    const union = await ask("CD", "bên công đoàn hạn nộp báo cáo tổng kết là ngày nào");
    expect(union).toContain("25/05/2027");
    // The school itself sees its parts' steps.
    const school = await ask("PC", "tuần sau có những hạn nào");
    expect(school).toMatch(/25\/05\/2027[\s\S]*26\/05\/2027/u);
  });

  it("lists every khối with its leader and members, and a cụm with the contact the plan gives", async () => {
    const ask = await askAsSeated(fixture.database, schoolCouncilPlan, { today: "2027-03-01", units });
    const all = await ask("HB", "các khối thi đua do tổ nào làm khối trưởng");
    expect(all).toContain("Khối 1: khối trưởng Tổ Toán - Tin");
    expect(all).toContain("Khối 2: khối trưởng Tổ Ngữ văn - Sử");
    const members = await ask("HB", "khối 2 gồm những tổ nào");
    expect(members).toContain("Tổ Ngoại ngữ");
    const cluster = await ask("TT", "cụm 4 cụm trưởng là trường nào, cần liên hệ ai");
    expect(cluster).toContain("Trường THCS Phú Cường");
    expect(cluster).toMatch(/Lâm Văn Đức[\s\S]*0909 111 404/u);
  });

  it("finds the officer by the duty written after their title's colon", async () => {
    const ask = await askAsSeated(fixture.database, schoolCouncilPlan, { today: "2027-03-01", units });
    const password = await ask("TT", "quen mat khau trang noi bo thi nho ai vay");
    expect(password).toContain("Mai Quốc Bảo");
    expect(password).toContain("0902 333 626");
    const pupils = await ask("TT", "ai phụ trách hoạt động của học sinh");
    expect(pupils).toContain("Trịnh Thu Trang");
  });

  it("answers a share asked in per cent with the sentence that states it of what was asked", async () => {
    const ask = await askAsSeated(fixture.database, schoolCouncilPlan, { today: "2027-05-03", units });
    const share = await ask("HB", "ty le chien si thi dua co so toi da bao nhieu %");
    expect(share).toContain("12%");
    expect(share).not.toContain("40%");
    // A cap asked is not a floor stated, and the other way round.
    const cap = await ask("TT", "chiến sĩ thi đua cơ sở được đề nghị tối đa bao nhiêu %");
    expect(cap).toContain("không quá 12%");
    const floor = await ask("TT", "họp xét chiến sĩ thi đua cơ sở cần ít nhất bao nhiêu % thành viên dự");
    expect(floor).toContain("75%");
  });

  it("takes a step stated twice on the same day as one when counting who has not sent it", async () => {
    const ask = await askAsSeated(fixture.database, schoolCouncilPlan, { today: "2027-05-18", units });
    // The timeline's row and the rules' point for the tổ chuyên môn, both due 24/5.
    const missing = await ask("HB", "những tổ chuyên môn nào chưa nộp hồ sơ bình xét cuối năm");
    expect(missing).not.toMatch(/\[1\]/u);
    expect(missing).toContain("24/05/2027");
    expect(missing).toContain("Tổ Toán - Tin");
  });

  it("answers an officer who asks whether named units handed a step in with who has not", async () => {
    const ask = await askAsSeated(fixture.database, schoolCouncilPlan, { today: "2027-05-27", units });
    const answer = await ask.understood("HB", "công đoàn với đoàn trường đã nộp báo cáo tổng kết chưa");
    expect(answer.intent).toBe("missing_units");
    expect(answer.text).toContain("Công đoàn cơ sở Trường THCS Hòa Bình");
    expect(answer.text).not.toContain("Tổ Toán - Tin");
  });

  it("quotes what the plan says its chat group is for when asked whether to send papers there", async () => {
    const ask = await askAsSeated(fixture.database, schoolCouncilPlan, { today: "2027-05-17", units });
    const answer = await ask("TT", "nộp hồ sơ qua nhóm zalo cho nhanh được không ạ");
    expect(answer).toContain("không nhận hồ sơ gửi qua Zalo");
  });

  it("reads 'how does our submission stand' as a status question, recording nothing", async () => {
    const ask = await askAsSeated(fixture.database, schoolCouncilPlan, { today: "2027-05-27", units });
    const answer = await ask.understood("PC", "truong em nop bao cao tong ket sao roi");
    expect(answer.intent).toBe("my_status");
    expect(answer.text).toContain("Trường THCS Phú Cường");
  });

  it("gives each list's own line for a paper several dossiers hold, asked its form or copies", async () => {
    const ask = await askAsSeated(fixture.database, schoolCouncilPlan, { today: "2027-04-01", units });
    const answer = await ask("TT", "báo cáo thành tích làm theo mẫu nào, mấy bản vậy");
    expect(answer).toContain("Báo cáo thành tích của tổ (Mẫu 05)");
    expect(answer).toContain("Báo cáo thành tích 02 năm học của cá nhân (02 bản)");
  });

  it("does not count a step 'nếu có' as late for a unit that owes nothing under it", async () => {
    const ask = await askAsSeated(fixture.database, schoolCouncilPlan, { today: "2027-03-10", units });
    const status = await ask("TT", "tổ em còn thiếu những gì");
    expect(status).toMatch(/Chưa nộp, nếu đơn vị có — Các tổ gửi danh sách điều chỉnh/u);
    expect(status).not.toMatch(/quá hạn — Các tổ gửi danh sách điều chỉnh/u);
  });
});
