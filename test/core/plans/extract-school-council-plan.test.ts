import { describe, expect, it } from "vitest";
import { parseDeadline } from "../../../src/core/deadlines/parse-deadline.js";
import { createSchoolCalendar, extractPlan } from "../../../src/core/index.js";
import { schoolCouncilPlan } from "../../support/school-council-plan.js";

const calendar = createSchoolCalendar();
const ctx = { calendar, issuedOn: "2027-01-08" };
const plan = extractPlan(schoolCouncilPlan, { calendar });
const at = (line: number) => plan.deadlines.filter((d) => d.line === line);
const listNamed = (words: string) => plan.requirements.find((r) => r.name.includes(words));

describe("a school council's own plan", () => {
  it("reads the week of a month written with 'thứ' and in words", () => {
    for (const words of [
      "Tuần thứ ba của tháng 4/2027",
      "tuần thứ 3 của tháng 4/2027",
      "tuần 3 tháng 4/2027",
    ]) {
      const read = parseDeadline(words, ctx);
      expect(read.ok && [read.deadline.start, read.deadline.due], words).toEqual([
        "2027-04-12",
        "2027-04-18",
      ]);
    }
    expect(at(12)[0]).toMatchObject({ kind: "range", start: "2027-04-12", due: "2027-04-18" });
  });

  it("reads days given after their weekdays as one span", () => {
    const read = parseDeadline("Thứ Tư 12/5 và thứ Năm 13/5/2027", ctx);
    expect(read.ok && read.deadline).toMatchObject({ kind: "range", start: "2027-05-12", due: "2027-05-13" });
    expect(at(16)[0]).toMatchObject({ start: "2027-05-03", due: "2027-05-07" });
    expect(at(18)[0]).toMatchObject({
      raw: "hai ngày thứ Tư 12/5 và thứ Năm 13/5/2027",
      start: "2027-05-12",
      due: "2027-05-13",
    });
  });

  it("counts working days from the council's meeting, named by its abbreviation in the step", () => {
    // Friday 14/5 and Monday 17/5 are the two working days after the meeting ends on Thursday 13/5.
    expect(at(20)[0]).toMatchObject({ kind: "by", due: "2027-05-17" });
    // A timeline's cell may give the count alone, with no "trong" or "chậm nhất" before it.
    const row = plan.deadlines.find((d) => d.task === "Niêm yết kết quả bình xét");
    expect(row).toMatchObject({ kind: "by", due: "2027-05-17" });
  });

  it("takes the step after a period that opens its sentence, not the period's lead word", () => {
    expect(at(14)[0]).toMatchObject({
      task: "Các tổ chuyên môn rà soát danh sách đăng ký sáng kiến",
      kind: "month",
    });
  });

  it("reads a list led by the dossier's name and a colon, its brackets as how it is handed in", () => {
    expect(listNamed("sơ kết học kỳ I")).toMatchObject({
      name: "Hồ sơ sơ kết học kỳ I của tổ",
      items: ["Báo cáo sơ kết học kỳ I của tổ", "Biên bản họp tổ xếp loại học kỳ I"],
      copies: "nộp 01 bản giấy tại phòng Văn thư, kèm file Word",
    });
    // A lead that says where the dossier goes introduces the ways of sending, not papers.
    expect(plan.requirements.some((r) => r.items.some((i) => i.startsWith("Bản giấy")))).toBe(false);
  });

  it("reads papers numbered in brackets and papers given inline as sets", () => {
    expect(listNamed("Giấy khen")?.items).toEqual([
      "Tờ trình của tổ",
      "Bản tóm tắt thành tích của cá nhân",
      "Báo cáo thành tích của tổ (Mẫu 05)",
    ]);
    expect(listNamed("Kỷ niệm chương")).toMatchObject({
      items: ["bản khai quá trình công tác", "bản sao quyết định tuyển dụng"],
      copies: "03 bộ",
    });
  });

  it("reads a table under a dossier's heading as its papers, a row each, with copies, form and note", () => {
    expect(listNamed("sáng kiến")).toMatchObject({
      name: "Hồ sơ đề nghị công nhận sáng kiến cấp trường",
      items: [
        "Đơn đề nghị công nhận sáng kiến: 02 bản, bản giấy, tác giả ký tên",
        "Báo cáo sáng kiến: 01 bản, bản PDF, tối đa 10 trang",
      ],
    });
  });

  it("reads dates given to units by name under a step's lead, each for those units", () => {
    const steps = plan.deadlines.filter((d) =>
      d.task.startsWith("Nộp hồ sơ bình xét cuối năm và báo cáo tổng kết"),
    );
    expect(steps.map((d) => [d.responsible, d.due])).toEqual([
      ["Các tổ chuyên môn", "2027-05-24"],
      ["Công đoàn cơ sở, Đoàn trường", "2027-05-25"],
      ["Tổ Văn phòng", "2027-05-26"],
    ]);
  });

  it("reads khối from a table whose members are 'các tổ trong khối', and a cụm named inside a sentence", () => {
    expect(plan.groups.map((g) => [g.name, g.leader, g.members])).toEqual([
      ["Khối 1", "Tổ Toán - Tin", ["Tổ Toán - Tin", "Tổ Khoa học tự nhiên"]],
      ["Khối 2", "Tổ Ngữ văn - Sử", ["Tổ Ngữ văn - Sử", "Tổ Ngoại ngữ"]],
      [
        "Cụm thi đua số 4",
        "Trường THCS Phú Cường",
        ["Trường THCS Phú Cường", "Trường THCS Hòa Bình", "Trường THCS Tân Thạnh"],
      ],
    ]);
  });

  it("reads an officer's duty after their title's colon, and one named again later as the same person", () => {
    expect(plan.contacts.map((c) => [c.name, c.title, c.scope, c.phone])).toEqual([
      [
        "Trịnh Thu Trang",
        "Bí thư Chi đoàn giáo viên",
        "các hoạt động của học sinh, tuần lễ học tốt; Chi đoàn giáo viên",
        "0901 222 515",
      ],
      [
        "Mai Quốc Bảo",
        "giáo viên Tổ Toán - Tin",
        "quản trị trang thông tin nội bộ, cấp lại mật khẩu",
        "0902 333 626",
      ],
    ]);
  });

  it("reads a file-name rule given as 'đặt tên theo mẫu' with its codes and example, and ends a system's name before 'ít nhất'", () => {
    const portal = plan.channels.find((c) => c.address === "https://noibo.thcshoabinh.edu.vn");
    expect(portal?.fileNamePattern).toBe(
      "Tên tổ_Mã hồ sơ_2027; mã hồ sơ: SK (sáng kiến), BX (bình xét) (Ví dụ: ToanTin_BX_2027.pdf)",
    );
    expect(plan.channels.some((c) => c.address === "Hệ thống Quản lý văn bản")).toBe(true);
  });

  it("does not take a part's title in capitals for the units that act under it", () => {
    const step = plan.deadlines.find((d) => d.task.startsWith("Nhà trường gửi bảng tự chấm điểm"));
    expect(step).toMatchObject({ due: "2027-05-31" });
    expect(step?.responsible ?? "").not.toMatch(/KHỐI THI ĐUA/u);
  });
});
