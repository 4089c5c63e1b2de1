import { describe, expect, it } from "vitest";
import { findDeadlines } from "../../../src/core/deadlines/find-deadlines.js";
import { parseDeadline } from "../../../src/core/deadlines/parse-deadline.js";
import { createSchoolCalendar, extractPlan } from "../../../src/core/index.js";
import { stepGuide } from "../../support/step-guide.js";

const calendar = createSchoolCalendar();
const ctx = { calendar, issuedOn: "2026-09-14" };
const plan = extractPlan(stepGuide, { calendar });
const dueOf = (words: string) => plan.deadlines.find((d) => d.task.includes(words));

describe("a guide written in steps", () => {
  it("reads a day written in words as its figure, keeping the plan's own words", () => {
    for (const [words, due] of [
      ["chậm nhất ngày mười lăm tháng 12 năm 2026", "2026-12-15"],
      ["chậm nhất ngày hai mươi mốt tháng 5 năm 2027", "2027-05-21"],
      ["trước ngày mồng một tháng 6 năm 2027", "2027-05-31"],
      ["chậm nhất ngày ba mươi tháng 10 năm 2026", "2026-10-30"],
      ["chậm nhất ngày chín tháng 4 năm 2027", "2027-04-09"],
    ] as const) {
      const read = parseDeadline(words, ctx);
      expect(read.ok && read.deadline.due, words).toBe(due);
      expect(read.ok && read.deadline.raw).toBe(words);
    }
    // "năm" is the year's word after the month, not the fifth day.
    const [hit] = findDeadlines("Đơn vị gửi văn bản về Sở chậm nhất ngày mười bảy tháng 12 năm 2026.", ctx);
    expect(hit?.result.ok && hit.result.deadline.due).toBe("2026-12-17");
    expect(dueOf("văn bản điều chỉnh")).toMatchObject({ kind: "by", due: "2026-12-17" });
  });

  it("does not read a share or the day a length of service is counted to as a deadline", () => {
    expect(findDeadlines("Mỗi khối đề nghị không quá 1/4 số đơn vị thành viên.", ctx)).toEqual([]);
    expect(findDeadlines("viên chức mới tuyển dụng dưới 10 tháng tính đến ngày 31/5/2027", ctx)).toEqual([]);
    expect(plan.deadlines.some((d) => d.due === "2027-05-31" || d.due === "2027-04-01")).toBe(false);
  });

  it("names a step's date after the step when the sentence says only who sends it where", () => {
    expect(dueOf("Đăng ký thi đua:")).toMatchObject({
      task: "Đăng ký thi đua: Trường THPT và các trung tâm GDNN-GDTX gửi về Sở",
      responsible: "Trường THPT và các trung tâm GDNN-GDTX",
      due: "2026-10-12",
    });
    // "… của các trường mầm non, tiểu học, THCS": whose papers the Phòng sends, not who sends them.
    expect(dueOf("Phòng GDĐT gửi bản đăng ký")).toMatchObject({
      responsible: "Phòng GDĐT",
      due: "2026-10-19",
    });
  });

  it("finds who acts after a condition, after an award's name, and in 'các khối'", () => {
    expect(dueOf("văn bản điều chỉnh")?.responsible).toBe("đơn vị");
    expect(dueOf("Nhà giáo mẫu mực")?.responsible).toBe("mỗi trường THPT, trung tâm GDNN-GDTX");
    // What is done at once after the date belongs to the step, and dates the step counted from it.
    expect(dueOf("các đơn vị thành viên")).toMatchObject({
      task: "Các khối hoàn thành việc chấm chéo và gửi ngay kết quả chấm chéo cho các đơn vị thành viên",
      responsible: "các khối",
      due: "2027-05-22",
    });
    // Saturday 22/5/2027 + 4 working days.
    expect(dueOf("hoàn chỉnh hồ sơ khen thưởng")).toMatchObject({ kind: "by", due: "2027-05-27" });
  });

  it("gives the event a step is counted back from its own day, in the plan's words", () => {
    expect(dueOf("Sở thông báo kết quả")).toMatchObject({ kind: "by", due: "2027-06-05" });
    expect(dueOf("Lễ tổng kết")).toMatchObject({
      task: "Lễ tổng kết năm học (dự kiến)",
      kind: "on",
      due: "2027-06-10",
      raw: "dự kiến ngày 10/6/2027",
    });
  });

  it("makes each step a part of the plan, and a starred line a part without a number", () => {
    const parts = plan.sections.filter((s) => s.numbering === "Bước 3" || s.numbering === "*");
    expect(parts.map((s) => [s.numbering, s.heading])).toEqual([
      ["Bước 3", "Bình xét của khối"],
      ["*", "Các đợt khen thưởng khác"],
    ]);
    const award = plan.sections.find((s) => s.heading.startsWith("Giấy khen Nhà giáo mẫu mực"));
    expect(plan.sections[award?.parent ?? -1]?.numbering).toBe("*");
  });

  it("splits a table cell's lines written <br> into the dossier's items", () => {
    expect(plan.requirements.find((r) => r.name.includes("Bằng khen"))?.items).toEqual([
      "Tờ trình",
      "Biên bản họp Hội đồng",
      "Báo cáo thành tích (Mẫu 02)",
    ]);
  });

  it("reads where papers go by post and by hand, and leaves out where forms are only published", () => {
    const address =
      "Phòng 105 (Tổ Thi đua - Văn phòng Sở), Sở Giáo dục và Đào tạo tỉnh Long Sơn, số 9 đường Lê Lợi, phường Tân An";
    expect(plan.channels.filter((c) => c.address === address).map((c) => c.kind)).toEqual([
      "post",
      "in_person",
    ]);
    expect(plan.channels.some((c) => c.address.includes("sgd.longson"))).toBe(false);
    // The group named again "nêu tại Mục IV" is the one already read, and its name stops before "dùng".
    expect(plan.channels.filter((c) => c.kind === "group").map((c) => c.address)).toEqual([
      'Nhóm Zalo "Thi đua ngành Long Sơn"',
    ]);
  });

  it("reads each khối's members as the plan shares their words, and gives officers their e-mails", () => {
    const members = Object.fromEntries(plan.groups.map((g) => [g.name, g.members]));
    expect(Object.keys(members)).toEqual(["Khối 1", "Khối 2", "Khối 3"]);
    expect(members["Khối 1"]).toEqual([
      "THPT Lạc Hồng",
      "THPT Bến Đá",
      "THPT Suối Tiên",
      "Trường Phổ thông Dân tộc nội trú tỉnh",
    ]);
    expect(members["Khối 2"]).toContain("Trung tâm GDNN-GDTX huyện Lộc Ninh");
    expect(members["Khối 3"]).toEqual([
      "Phòng GDĐT thành phố Long Sơn",
      "Phòng GDĐT thành phố Bình Dương",
      "Phòng GDĐT huyện Hớn Quản",
      "Phòng GDĐT huyện Phú Riềng",
    ]);
    expect(plan.contacts.map((c) => [c.name, c.email])).toEqual([
      ["Đỗ Thị Hạnh", "dthanh@longson.example.vn"],
      ["Lý Văn Khoa", "lvkhoa@longson.example.vn"],
    ]);
  });
});
